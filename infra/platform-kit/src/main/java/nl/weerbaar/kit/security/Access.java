package nl.weerbaar.kit.security;

import java.util.Arrays;
import nl.weerbaar.kit.web.ApiException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Authorization checks that depend on the data: the role for an action and the scope of providers, NSPs and
 * volunteers. Controllers call these before they publish anything, so a refused request changes nothing.
 */
public class Access {

    public WeerbaarUser currentUser() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated()) {
            throw new ApiException(org.springframework.http.HttpStatus.UNAUTHORIZED, "unauthenticated");
        }
        Object principal = auth.getPrincipal();
        if (principal instanceof OAuth2AuthenticatedPrincipal token) {
            return Claims.toUser(token.getName(), token.getAttributes());
        }
        if (principal instanceof Jwt jwt) {
            return Claims.toUser(jwt.getSubject(), jwt.getClaims());
        }
        if (principal instanceof ConfiguredUsers.ScopedUser user) {
            return Claims.toUser(user.getUsername(), user.claims());
        }
        throw new ApiException(org.springframework.http.HttpStatus.UNAUTHORIZED, "unauthenticated");
    }

    /** The caller, who must hold one of {@code roles}; 403 otherwise. */
    public WeerbaarUser requireAnyRole(Role... roles) {
        WeerbaarUser user = currentUser();
        if (Arrays.stream(roles).noneMatch(user::has)) {
            throw ApiException.forbidden("forbidden");
        }
        return user;
    }

    /**
     * A caller scoped to other exercises may not enter this one (403). Anonymous callers pass here: what they may
     * reach at all is the filter chain's business.
     */
    public void requireExercise(String exerciseId) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            return;
        }
        if (!currentUser().mayEnter(exerciseId)) {
            throw ApiException.forbidden("forbidden-scope.exercise", exerciseId);
        }
    }

    /** A provider user may act only for its own providers; the crisis team may act for any. */
    public WeerbaarUser requireProvider(String providerId) {
        WeerbaarUser user = requireAnyRole(Role.PROVIDER, Role.CRISIS_TEAM);
        if (!user.has(Role.CRISIS_TEAM) && !user.providerIds().contains(providerId)) {
            throw ApiException.forbidden("forbidden-scope.provider", providerId);
        }
        return user;
    }

    /** Only the provider itself speaks for its own status: a provider user scoped to {@code providerId}. */
    public WeerbaarUser requireOwnProvider(String providerId) {
        WeerbaarUser user = requireAnyRole(Role.PROVIDER);
        if (!user.providerIds().contains(providerId)) {
            throw ApiException.forbidden("forbidden-scope.provider", providerId);
        }
        return user;
    }

    /** An NSP operator may act only at its own NSPs; the crisis team may act at any. */
    public WeerbaarUser requireNsp(String nspId) {
        WeerbaarUser user = requireAnyRole(Role.NSP_OPERATOR, Role.CRISIS_TEAM);
        if (!user.has(Role.CRISIS_TEAM) && !user.nspIds().contains(nspId)) {
            throw ApiException.forbidden("forbidden-scope.nsp", nspId);
        }
        return user;
    }

    /** A volunteer may act only as itself; coordinators may act for any volunteer. */
    public WeerbaarUser requireVolunteer(String volunteerId) {
        WeerbaarUser user = requireAnyRole(Role.VOLUNTEER, Role.COORDINATOR);
        if (!user.has(Role.COORDINATOR) && !volunteerId.equals(user.volunteerId())) {
            throw ApiException.forbidden("forbidden-scope.volunteer", volunteerId);
        }
        return user;
    }
}
