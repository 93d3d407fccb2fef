package nl.weerbaar.situatiebeeld;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import nl.weerbaar.kit.test.WeerbaarIntegrationTest;
import org.springframework.boot.test.context.SpringBootTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@WeerbaarIntegrationTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LivePicturePageTest {

    @Autowired MockMvc mvc;

    @Test
    void thePageIsServedInDutchWithEnglishAvailableAndItsDataNeedsARole() throws Exception {
        mvc.perform(get("/index.html")).andExpect(status().isOk())
                .andExpect(content().string(containsString("<html lang=\"nl\">")))
                .andExpect(content().string(containsString("assets/picture.js")));
        mvc.perform(get("/assets/picture.js")).andExpect(status().isOk())
                .andExpect(content().string(containsString("live picture")))
                .andExpect(content().string(containsString("api/exercise-clocks")));
        mvc.perform(get("/assets/picture.css")).andExpect(status().isOk());
        mvc.perform(get("/api/exercise-clocks")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/exercises/oef-1/picture")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/exercises/oef-1/stream")).andExpect(status().isUnauthorized());
    }
}
