// The crisis team's live picture. No build step; one library (Leaflet, served by this service) for the map; nothing
// fetched from outside this service but the base map's tiles (PDOK by default, the plan when they cannot be loaded).
// Live: one Server-Sent Events stream per exercise, read with fetch so it can carry the Authorization header;
// after a drop it reconnects with the last feed number it has, and the feed is kept by number, so nothing is
// lost or shown twice. Review (an exercise that is over): a slider folds the recording up to any scenario time.
'use strict';

const TEXTS = {
  nl: {
    title: 'Weerbaar — situatiebeeld', offline: 'niet verbonden', live: 'live', review: 'Nabespreking',
    report: 'Verslag (PDF)', logout: 'Afmelden', loginTitle: 'Aanmelden', loginHelp: 'Crisisteam of trainer: gebruikersnaam en wachtwoord, of een token.',
    user: 'Gebruiker', password: 'Wachtwoord', token: 'of token', signIn: 'Aanmelden', other: 'English',
    matrix: 'Uitvaltabel: sector × tijdvak', providers: 'Vitale aanbieders', nsps: 'Noodsteunpunten',
    help: 'Hulpvragen (burgerhulp)', alerts: 'Meldingen', feed: 'Gebeurtenissen', search: 'zoeken',
    catExercise: 'oefening', catVital: 'vitaal', catNsp: 'noodsteunpunten', catHelp: 'burgerhulp',
    onlyAlerts: 'alleen meldingen', prevAlert: '◀ vorige melding', nextAlert: 'volgende melding ▶',
    sector: 'Sector', provider: 'Aanbieder', state: 'Toestand', backup: 'Noodstroom over', since: 'Sinds',
    cause: 'Oorzaak', nsp: 'Noodsteunpunt', occupancy: 'Bezetting', supplies: 'Voorraad', need: 'Hulp',
    status: 'Status', opened: 'Gevraagd', toMatch: 'Tot match', none: 'Geen', noExercise: 'Geen oefening gekozen',
    failed: 'Kan het situatiebeeld niet ophalen', denied: 'Aanmelden mislukt of geen rechten (crisisteam of trainer)',
    bands: { '0-2h': '0–2 uur', '2-4h': '2–4 uur', '4-24h': '4–24 uur', '24h+': '> 24 uur' },
    states: { normal: 'normaal', degraded: 'verminderd', 'on-backup': 'op noodstroom', down: 'uit', restored: 'hersteld',
      planned: 'gepland', opening: 'gaat open', open: 'open', full: 'vol', closed: 'dicht', offered: 'aangeboden',
      matched: 'gematcht', completed: 'afgerond', escalated: 'geëscaleerd' },
    summary: (o, m, e, c, med) => `open ${o} · gematcht ${m} · geëscaleerd ${e} · afgerond ${c}` +
      (med == null ? '' : ` · mediaan tot match ${med} min`),
    phones: (mode, except) => except.length
      ? (mode === 'nsp-only' ? `Telefoon werkt alleen in ${except.join(', ')}: elders burgerhulp alleen via noodsteunpunten`
        : `Telefoon werkt niet in ${except.join(', ')}: daar burgerhulp alleen via noodsteunpunten`)
      : mode === 'nsp-only' ? 'Telefoon werkt niet: burgerhulp alleen via noodsteunpunten' : '',
    noPhones: 'geen telefoon',
    decisions: 'Besluiten', decide: 'Besluit nemen', expectations: 'Verwachtingen', decisionsTaken: 'Genomen besluiten',
    verdicts: { waiting: 'nog niet begonnen', pending: 'loopt', met: 'gehaald', 'met-late': 'te laat gehaald',
      missed: 'niet gehaald', 'not-applicable': 'niet van toepassing' },
    due: (from, to) => `vanaf ${from}, uiterlijk ${to}`, evidence: at => `bewijs: ${at}`, decisionKind: 'Besluit', decisionSubject: 'Waarover',
    decisionAdvice: 'Advies', decisionMessage: 'Tekst van het bericht', decisionReason: 'Waarom',
    notTaken: 'doorgegeven, nog niet op de tijdlijn',
    observations: 'Waarnemingen', observationObjective: 'Over doel', observationScore: 'Score',
    observationText: 'Waarneming', observe: 'Noteren', general: 'algemeen', observationSaved: 'Genoteerd.',
    inbox: 'Berichten', answer: 'Beantwoorden', answerText: 'Antwoord',
    answered: (by, at) => `beantwoord door ${by} om ${at}`, answerSent: 'Antwoord verstuurd.',
    decisionBy: by => `door ${by}`, decisionTaken: 'Besluit doorgegeven; het staat op de tijdlijn zodra de oefening het neemt.',
    kinds: { 'open-nsp': 'Noodsteunpunt openen', 'close-nsp': 'Noodsteunpunt sluiten',
      'fuel-priority': 'Voorrang bij brandstof', 'mobile-generator': 'Mobiel aggregaat sturen',
      'public-warning': 'Publieksbericht (NL-Alert)', 'extra-volunteers': 'Extra burgerhulpverleners vragen',
      grip: 'GRIP afkondigen' },
    numbers: { 'mobile-generator': 'Uren brandstof', 'extra-volunteers': 'Aantal', grip: 'GRIP-niveau' },
    advices: { 'come-to-nsp': 'kom naar het noodsteunpunt', 'stay-home': 'blijf thuis' },
    hoursLeft: h => `${h.toFixed(1)} u`,
    more: n => ` (en ${n} meer tegelijk)`,
    resolvedAlerts: 'Afgehandeld', replay: 'herhaling', branch: (of, at) => `tak van ${of} vanaf ${at}`, inPlaces: 'in', catCrisis: 'crisisteam',
    inhabitants: n => `${n} inwoners`,
    acknowledge: 'Gezien', acknowledged: (by, at) => `gezien door ${by} (${at})`,
    ofHouseholds: pct => `${pct} % van de huishoudens`,
    exerciseStates: { CREATED: 'aangemaakt', RUNNING: 'loopt', PAUSED: 'gepauzeerd', STOPPED: 'gestopt', FINISHED: 'afgelopen' },
    alertSummary: (open, all) => `${open} open, zwaarste bovenaan · ${all} in totaal`,
    severities: { minor: 'klein', moderate: 'matig', severe: 'ernstig', extreme: 'zeer ernstig' },
    mapOffline: 'De achtergrondkaart is niet bereikbaar: plattegrond van plaatsen en noodsteunpunten.',
    legend: 'Plaats: geel = stroom, donker = zonder stroom · noodsteunpunt: kleur = toestand, grootte = capaciteit · ' +
      'rode ring: kwetsbare locatie uitgevallen · gestippelde ring: geen telefoon · oranje getal: hulpvragen zonder hulp',
    dark: 'zonder stroom', lit: 'stroom', requestsOpen: n => `${n} hulpvragen zonder hulp`, siteDown: 'uitgevallen'
  },
  en: {
    title: 'Weerbaar — live picture', offline: 'not connected', live: 'live', review: 'After-action review',
    report: 'Report (PDF)', logout: 'Sign out', loginTitle: 'Sign in', loginHelp: 'Crisis team or trainer: user name and password, or a token.',
    user: 'User', password: 'Password', token: 'or token', signIn: 'Sign in', other: 'Nederlands',
    matrix: 'Outage table: sector × time band', providers: 'Vital providers', nsps: 'Emergency support points',
    help: 'Help requests (citizen aid)', alerts: 'Alerts', feed: 'Events', search: 'search',
    catExercise: 'exercise', catVital: 'vital', catNsp: 'support points', catHelp: 'citizen aid',
    onlyAlerts: 'alerts only', prevAlert: '◀ previous alert', nextAlert: 'next alert ▶',
    sector: 'Sector', provider: 'Provider', state: 'State', backup: 'Backup left', since: 'Since',
    cause: 'Cause', nsp: 'Support point', occupancy: 'Occupancy', supplies: 'Supplies', need: 'Need',
    status: 'Status', opened: 'Asked', toMatch: 'To match', none: 'None', noExercise: 'No exercise chosen',
    failed: 'Cannot load the live picture', denied: 'Sign-in failed or not allowed (crisis team or trainer)',
    bands: { '0-2h': '0–2 h', '2-4h': '2–4 h', '4-24h': '4–24 h', '24h+': '> 24 h' },
    states: { normal: 'normal', degraded: 'degraded', 'on-backup': 'on backup', down: 'down', restored: 'restored',
      planned: 'planned', opening: 'opening', open: 'open', full: 'full', closed: 'closed', offered: 'offered',
      matched: 'matched', completed: 'completed', escalated: 'escalated' },
    summary: (o, m, e, c, med) => `open ${o} · matched ${m} · escalated ${e} · completed ${c}` +
      (med == null ? '' : ` · median to match ${med} min`),
    phones: (mode, except) => except.length
      ? (mode === 'nsp-only' ? `Phones work only in ${except.join(', ')}: elsewhere citizen aid only through the support points`
        : `Phones are down in ${except.join(', ')}: there citizen aid only through the support points`)
      : mode === 'nsp-only' ? 'Phones are down: citizen aid only through the support points' : '',
    noPhones: 'no phones',
    decisions: 'Decisions', decide: 'Decide', expectations: 'Expectations', decisionsTaken: 'Decisions taken',
    verdicts: { waiting: 'not started', pending: 'running', met: 'met', 'met-late': 'met late', missed: 'missed',
      'not-applicable': 'not applicable' },
    due: (from, to) => `from ${from}, due ${to}`, evidence: at => `evidence: ${at}`, decisionKind: 'Decision', decisionSubject: 'About',
    decisionAdvice: 'Advice', decisionMessage: 'Text of the message', decisionReason: 'Why',
    notTaken: 'passed on, not on the time line yet',
    observations: 'Observations', observationObjective: 'About objective', observationScore: 'Score',
    observationText: 'Observation', observe: 'Note', general: 'general', observationSaved: 'Noted.',
    inbox: 'Messages', answer: 'Answer', answerText: 'Answer',
    answered: (by, at) => `answered by ${by} at ${at}`, answerSent: 'Answer sent.',
    decisionBy: by => `by ${by}`, decisionTaken: 'Decision passed on; it shows on the time line once the exercise takes it.',
    kinds: { 'open-nsp': 'Open a support point', 'close-nsp': 'Close a support point',
      'fuel-priority': 'Fuel priority', 'mobile-generator': 'Send a mobile generator',
      'public-warning': 'Public warning (NL-Alert)', 'extra-volunteers': 'Ask for more volunteers',
      grip: 'Declare a GRIP level' },
    numbers: { 'mobile-generator': 'Hours of fuel', 'extra-volunteers': 'How many', grip: 'GRIP level' },
    advices: { 'come-to-nsp': 'come to the support point', 'stay-home': 'stay at home' },
    hoursLeft: h => `${h.toFixed(1)} h`,
    more: n => ` (and ${n} more at the same time)`,
    resolvedAlerts: 'Resolved', replay: 'replay', branch: (of, at) => `branch of ${of} from ${at}`, inPlaces: 'in', catCrisis: 'crisis team',
    inhabitants: n => `${n} inhabitants`,
    acknowledge: 'Seen', acknowledged: (by, at) => `seen by ${by} (${at})`,
    ofHouseholds: pct => `${pct} % of households`,
    exerciseStates: { CREATED: 'created', RUNNING: 'running', PAUSED: 'paused', STOPPED: 'stopped', FINISHED: 'finished' },
    alertSummary: (open, all) => `${open} open, worst first · ${all} in all`,
    severities: { minor: 'minor', moderate: 'moderate', severe: 'severe', extreme: 'extreme' },
    mapOffline: 'The base map cannot be reached: plan of places and support points.',
    legend: 'Place: yellow = power, dark = no power · support point: colour = state, size = capacity · ' +
      'red ring: vulnerable site down · dotted ring: no phones · orange number: help requests without help',
    dark: 'no power', lit: 'power', requestsOpen: n => `${n} help requests without help`, siteDown: 'down'
  }
};

const $ = id => document.getElementById(id);
let lang = localStorage.getItem('weerbaar.lang') || 'nl';
const t = key => TEXTS[lang][key];
const say = text => text ? (text[lang] || text.nl || '') : '';
const clock = s => 'T+' + String(Math.floor(s / 3600)).padStart(2, '0') + ':' + String(Math.floor(s % 3600 / 60)).padStart(2, '0');
const el = (tag, attrs = {}, ...children) => {
  const e = document.createElement(tag);
  Object.entries(attrs).forEach(([k, v]) => k === 'class' ? e.className = v : e.setAttribute(k, v));
  children.forEach(c => e.append(c instanceof Node ? c : document.createTextNode(c == null ? '' : String(c))));
  return e;
};

let auth = sessionStorage.getItem('weerbaar.auth');
let exerciseId = null;
let picture = null;
const feed = new Map();          // feed number -> item: a reconnect can never double a line
let lastSeq = null;              // the last feed number this page has
let stream = null;               // AbortController of the live stream
let reviewing = false;

async function api(path, options = {}) {
  const response = await fetch(path, { ...options, headers: { ...(options.headers || {}), Authorization: auth } });
  if (response.status === 401 || response.status === 403) {
    showLogin(t('denied'));
    throw new Error(response.status);
  }
  if (!response.ok) throw new Error(response.status);
  return response;
}

// ---- sign-in, language, exercise ----

function showLogin(message) {
  $('login').hidden = false;
  $('picture').hidden = true;
  $('error').textContent = message || '';
}

$('login-form').onsubmit = async event => {
  event.preventDefault();
  const token = $('token').value.trim();
  auth = token ? 'Bearer ' + token : 'Basic ' + btoa($('user').value + ':' + $('password').value);
  sessionStorage.setItem('weerbaar.auth', auth);
  $('login').hidden = true;
  $('error').textContent = '';
  await loadExercises();
};
$('logout').onclick = () => {
  sessionStorage.removeItem('weerbaar.auth');
  auth = null;
  if (stream) stream.abort();
  showLogin('');
};
// The after-action report up to now, as PDF in the page's language: fetched with the sign-in, opened as a file.
$('report').onclick = async () => {
  if (!exerciseId) return;
  const response = await api(`api/exercises/${encodeURIComponent(exerciseId)}/report?format=pdf&lang=${lang}`);
  window.open(URL.createObjectURL(await response.blob()), '_blank');
};
$('lang').onclick = () => {
  lang = lang === 'nl' ? 'en' : 'nl';
  localStorage.setItem('weerbaar.lang', lang);
  applyLanguage();
  render();
};

function applyLanguage() {
  document.documentElement.lang = lang;
  document.querySelectorAll('[data-i18n]').forEach(e => e.textContent = t(e.dataset.i18n));
  document.querySelectorAll('[data-i18n-placeholder]').forEach(e => e.placeholder = t(e.dataset.i18nPlaceholder));
  $('lang').textContent = t('other');
}

async function loadExercises() {
  try {
    await loadMapSettings();
    const clocks = await (await api('api/exercise-clocks')).json();
    const wanted = new URLSearchParams(location.search).get('exercise') || exerciseId
      || (clocks.find(c => !['FINISHED', 'STOPPED'].includes(c.state)) || clocks[0] || {}).exerciseId;
    $('exercise').replaceChildren(...clocks.map(c => el('option', { value: c.exerciseId },
      `${c.exerciseId} · ${c.scenarioName || c.scenarioId} · ${t('exerciseStates')[c.state] || c.state}` +
      (c.replayOf ? ' · ' + t('replay') : ''))));
    if (wanted) {
      $('exercise').value = wanted;
      choose(wanted, clocks.find(c => c.exerciseId === wanted));
    } else {
      $('error').textContent = t('noExercise');
    }
  } catch (err) {
    if (auth) $('error').textContent = t('failed') + ' (' + err.message + ')';
  }
}
$('exercise').onchange = () => {
  history.replaceState(null, '', '?exercise=' + encodeURIComponent($('exercise').value));
  loadExercises();
};

function choose(id, exerciseClock) {
  if (stream) stream.abort();
  exerciseId = id;
  picture = null;
  feed.clear();
  lastSeq = null;
  $('picture').hidden = false;
  loadObservations();
  const over = exerciseClock && ['FINISHED', 'STOPPED'].includes(exerciseClock.state);
  over ? startReview() : connect();
}

// ---- live: the stream ----

async function connect() {
  reviewing = false;
  $('review').hidden = true;
  const controller = new AbortController();
  stream = controller;
  let delay = 500;
  while (!controller.signal.aborted) {
    try {
      const headers = { Authorization: auth, Accept: 'text/event-stream' };
      if (lastSeq != null) headers['Last-Event-ID'] = String(lastSeq);
      const response = await fetch(`api/exercises/${encodeURIComponent(exerciseId)}/stream`,
        { headers, signal: controller.signal, cache: 'no-store' });
      if (response.status === 401 || response.status === 403) { showLogin(t('denied')); return; }
      if (!response.ok) throw new Error(response.status);
      setLive(true);
      delay = 500;
      await readEvents(response.body, controller.signal);
    } catch (err) {
      if (controller.signal.aborted) return;
    }
    setLive(false);
    await new Promise(resolve => setTimeout(resolve, delay));
    delay = Math.min(delay * 2, 10000);
  }
}

async function readEvents(body, signal) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  while (!signal.aborted) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value.replace(/\r\n/g, '\n');
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      dispatch(buffer.slice(0, end));
      buffer = buffer.slice(end + 2);
    }
  }
}

function dispatch(block) {
  let name = 'message', id = null;
  const data = [];
  block.split('\n').forEach(line => {
    if (line.startsWith('event:')) name = line.slice(6).trim();
    else if (line.startsWith('id:')) id = line.slice(3).trim();
    else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
  });
  if (!data.length) return;
  const payload = JSON.parse(data.join('\n'));
  if (name === 'picture') {
    picture = payload;
    render();
  } else if (name === 'feed') {
    feed.set(payload.seq, payload);
    lastSeq = Math.max(lastSeq || 0, Number(id || payload.seq));
    scheduleFeed();
  }
}

function setLive(on) {
  $('live').textContent = on ? t('live') : t('offline');
  $('live').classList.toggle('on', on);
}

// ---- review: a finished exercise at any scenario time ----

async function startReview() {
  reviewing = true;
  setLive(false);
  $('live').textContent = t('review');
  $('review').hidden = false;
  const now = await (await api(`api/exercises/${encodeURIComponent(exerciseId)}/picture`)).json();
  const slider = $('slider');
  slider.max = String(Math.max(now.durationSeconds, now.clockSeconds));
  slider.value = slider.max;
  slider.dataset.alerts = JSON.stringify(now.alertTimes);
  await showAt(Number(slider.value));
}

async function showAt(seconds) {
  $('slider-time').textContent = clock(seconds);
  const id = encodeURIComponent(exerciseId);
  picture = await (await api(`api/exercises/${id}/picture?at=${seconds}`)).json();
  const items = await (await api(`api/exercises/${id}/feed?at=${seconds}`)).json();
  feed.clear();
  items.forEach(i => feed.set(i.seq, i));
  render();
}

let sliderTimer = null;
$('slider').oninput = () => {
  $('slider-time').textContent = clock(Number($('slider').value));
  clearTimeout(sliderTimer);
  sliderTimer = setTimeout(() => showAt(Number($('slider').value)), 150);
};
function jumpAlert(direction) {
  const times = JSON.parse($('slider').dataset.alerts || '[]').sort((a, b) => a - b);
  const now = Number($('slider').value);
  const next = direction > 0 ? times.find(s => s > now) : times.filter(s => s < now).pop();
  if (next != null) {
    $('slider').value = String(next);
    showAt(next);
  }
}
$('prev-alert').onclick = () => jumpAlert(-1);
$('next-alert').onclick = () => jumpAlert(1);

// ---- drawing ----

function render() {
  if (!picture) return;
  $('scenario').textContent = (say(picture.scenarioName) || picture.scenarioId || '') + (picture.regionInhabitants
    ? ' · ' + t('inhabitants')(new Intl.NumberFormat(lang === 'nl' ? 'nl-NL' : 'en-GB').format(picture.regionInhabitants))
    : '') + (picture.branchOf ? ' · ' + t('branch')(picture.branchOf, clock(picture.branchAtSeconds)) : '');
  $('clock').textContent = clock(picture.clockSeconds);
  $('local').textContent = localMoment(picture);
  $('local').hidden = !$('local').textContent;
  $('band').textContent = t('bands')[bandOf(picture.clockSeconds)];
  $('state').textContent = say(picture.stateText);
  $('speed').textContent = '×' + (picture.speed || 0);
  drawMatrix();
  drawProviders();
  drawNsps();
  drawRequests();
  drawAlerts();
  drawDecisions();
  drawInbox();
  if (!$('observing').hidden) drawObservationForm();
  drawFeed();
}

// the scenario's own moment: "do 14 jan 20:16 · −6 °C" (local Dutch time, as the scenario states its start)
function localMoment(p) {
  const parts = [];
  if (p.localTime) {
    parts.push(new Intl.DateTimeFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { weekday: 'short', day: 'numeric',
      month: 'short', hour: '2-digit', minute: '2-digit', timeZone: 'UTC' }).format(new Date(p.localTime + 'Z')));
  }
  if (p.temperatureC != null) parts.push(`${Math.round(p.temperatureC)} °C`.replace('-', '−'));
  return parts.join(' · ');
}

const bandOf = s => s < 7200 ? '0-2h' : s < 14400 ? '2-4h' : s < 86400 ? '4-24h' : '24h+';
const SEVERITY = ['minor', 'moderate', 'severe', 'extreme'];

function drawMatrix() {
  const bands = ['0-2h', '2-4h', '4-24h', '24h+'];
  const head = el('tr', {}, el('th', {}, t('sector')), ...bands.map(b => el('th', {}, t('bands')[b])));
  const rows = picture.sectors.map(row => el('tr', { 'data-sector': row.id }, el('th', {}, say(row.name)),
    ...bands.map(b => {
      const effects = row.cells[b] || [];
      const worst = effects.reduce((w, e) => Math.max(w, SEVERITY.indexOf(e.severity)), -1);
      const td = el('td', { class: effects.length ? 'lit sev-' + SEVERITY[worst] : '', 'data-band': b },
        effects.length ? String(effects.length) : '');
      td.title = effects.map(e => clock(e.atSeconds) + ' ' + say(e.effect)).join('\n');
      td.onclick = () => $('cell-details').replaceChildren(...(effects.length ? effects.map(e =>
        el('div', {}, `${clock(e.atSeconds)} · ${say(row.name)} · ${say(e.effect)}`)) : [t('none')]));
      return td;
    })));
  $('matrix').replaceChildren(head, ...rows);
}

function backupLeft(p) {
  if (p.backupHours == null) return '';
  const left = p.onBackupRunning ? Math.max(0, p.backupHours - (picture.clockSeconds - p.backupAtSeconds) / 3600)
    : p.backupHours;
  return t('hoursLeft')(left);
}

// a partial outage: where, and for which part of the households ("in Veghel, Schijndel · 12 % van de huishoudens")
function scope(p) {
  const scope = p.scope || [];
  if (['normal', 'restored'].includes(p.state) || (p.affectedShare == null && !scope.length)) return '';
  const names = scope.map(id => (picture.places.find(pl => pl.id === id) || { name: id }).name);
  const all = !names.length || names.length === picture.places.length;
  return (all ? '' : ` · ${t('inPlaces')} ${names.join(', ')}`) +
    (p.affectedShare == null ? '' : ` · ${t('ofHouseholds')(Math.round(p.affectedShare * 100))}`);
}

function drawProviders() {
  const head = el('tr', {}, ...['sector', 'provider', 'state', 'backup', 'since', 'cause'].map(k => el('th', {}, t(k))));
  const sectorName = id => say((picture.sectors.find(s => s.id === id) || {}).name) || id;
  const rows = Object.values(picture.providers).sort((a, b) => (a.sector + a.id).localeCompare(b.sector + b.id))
    .map(p => el('tr', { 'data-provider': p.id, 'data-state': p.state },
      el('td', {}, sectorName(p.sector)), el('td', {}, p.name),
      el('td', { class: 'st-' + p.state }, (t('states')[p.state] || p.state) + scope(p)),
      el('td', {}, backupLeft(p)), el('td', {}, p.state === 'normal' ? '' : clock(p.sinceSeconds)),
      el('td', { class: 'details' }, say(p.cause))));
  $('providers').replaceChildren(head, ...rows);
}

// ---- the map: the base map under places, NSPs, dark places and open requests; the plan when there are no tiles ----

let mapSettings = null;      // tile source, from the service (PDOK by default)
let map = null, mapLayer = null, mapFittedTo = null, tilesFailed = false;

async function loadMapSettings() {
  if (mapSettings) return;
  try {
    mapSettings = await (await api('api/map')).json();
  } catch (err) {
    mapSettings = { tileUrl: '' };
  }
}

const mapUsable = () => typeof L !== 'undefined' && mapSettings && mapSettings.tileUrl && !tilesFailed;

function fallBackToPlan() {
  if (tilesFailed) return;
  tilesFailed = true;
  render();
}

function createMap() {
  map = L.map('map', { zoomSnap: 0.25 });
  const tiles = L.tileLayer(mapSettings.tileUrl, { maxZoom: mapSettings.maxZoom, attribution: mapSettings.attribution });
  let loaded = 0;
  // no tile at all (offline, blocked, wrong source): the plan instead of markers on an empty grey field
  tiles.on('tileload', () => { loaded++; $('map').dataset.tiles = String(loaded); });
  tiles.on('tileerror', () => { if (!loaded) fallBackToPlan(); });
  setTimeout(() => { if (!loaded) fallBackToPlan(); }, 10000);
  tiles.addTo(map);
  mapLayer = L.layerGroup().addTo(map);
}

function drawMap(nsps) {
  if (!map) createMap();
  // the view first: Leaflet adds layers to a map without one only later, without the attributes set below
  if (mapFittedTo !== exerciseId) {
    const points = [...picture.places, ...nsps].map(p => [p.lat, p.lon]);
    if (points.length) {
      map.fitBounds(L.latLngBounds(points), { padding: [24, 24] });
      mapFittedTo = exerciseId;
    }
  }
  const dark = new Set(picture.darkPlaces || []);
  const requests = picture.openRequestsByPlace || {};
  const except = new Set(picture.phonesExcept || []);
  // burgerhulp says where the phones work per place: everywhere but the excepted places, or nowhere but those
  const phones = id => (picture.reachability !== 'nsp-only') !== except.has(id);
  const sitesDown = Object.values(picture.providers).filter(p => p.vulnerable && p.state === 'down');
  // a vulnerable site's ring on its place(s): the places it serves (its scope), a few at most
  mapLayer.clearLayers();
  const tagged = (layer, attrs) => {
    layer.addTo(mapLayer);
    const e = layer.getElement && layer.getElement();
    if (e) Object.entries(attrs).forEach(([k, v]) => e.setAttribute(k, v));
    return layer;
  };
  // NSPs first, places on top: a kern's NSP often stands at its centre, and its dark or lit dot must stay visible
  nsps.forEach(n => {
    const radius = Math.min(18, 6 + Math.sqrt(n.capacity) / 3);
    const fill = .25 + .65 * Math.min(1, n.occupancy / Math.max(1, n.capacity));
    tagged(L.circleMarker([n.lat, n.lon], { radius, weight: 2, fillOpacity: fill, className: 'nsp-' + n.state }),
      { 'data-nsp': n.id, 'data-state': n.state })
      .bindTooltip(el('div', {}, `${n.name} · ${t('states')[n.state] || n.state} · ${n.occupancy}/${n.capacity}`));
  });
  picture.places.forEach(p => {
    const state = dark.has(p.id) ? 'dark' : 'lit';
    const down = sitesDown.filter(s => (s.scope || []).includes(p.id));
    const lines = [p.name, t(state), ...down.map(s => `${s.name}: ${t('siteDown')}`)];
    if (!phones(p.id)) lines.push(t('noPhones'));
    if (requests[p.id]) lines.push(t('requestsOpen')(requests[p.id]));
    const marker = tagged(L.circleMarker([p.lat, p.lon], { radius: 6, weight: 1, fillOpacity: .9, className: 'place-' + state }),
      { 'data-place': p.id, 'data-state': state });
    marker.bindTooltip(el('div', {}, ...lines.map(line => el('div', {}, line))));  // elements: names are never HTML
    if (down.length) {
      tagged(L.circleMarker([p.lat, p.lon], { radius: 12, className: 'site-down', interactive: false }), { 'data-site-down': p.id });
    }
    if (!phones(p.id)) {
      tagged(L.circleMarker([p.lat, p.lon], { radius: 9, weight: 2, dashArray: '2 3', fill: false, className: 'no-phones',
        interactive: false }), { 'data-no-phones': p.id });
    }
    if (requests[p.id]) {
      tagged(L.circleMarker([p.lat, p.lon], { radius: 0, opacity: 0, interactive: false }), { 'data-requests': p.id })
        .bindTooltip(String(requests[p.id]), { permanent: true, direction: 'right', className: 'requests', offset: [6, 0] });
    }
  });
}

function drawNsps() {
  const nsps = Object.values(picture.nsps);
  const onMap = mapUsable();
  $('map').toggleAttribute('hidden', !onMap);
  $('plan').toggleAttribute('hidden', onMap);  // an <svg> has no .hidden property: the attribute it is
  $('map-legend').textContent = onMap ? t('legend') : (tilesFailed ? t('mapOffline') : '');
  if (onMap) {
    drawMap(nsps);
  } else {
    drawPlan(nsps);
  }
  drawNspList(nsps);
}

function drawPlan(nsps) {
  const points = [...picture.places, ...nsps];
  const svg = $('plan');
  const ns = 'http://www.w3.org/2000/svg';
  const shape = (tag, attrs, text) => {
    const e = document.createElementNS(ns, tag);
    Object.entries(attrs).forEach(([k, v]) => e.setAttribute(k, v));
    if (text != null) e.textContent = text;
    return e;
  };
  svg.replaceChildren();
  if (points.length) {
    // a plan, not a map: the region's places and NSPs projected on their own bounding box (no tiles, no internet)
    const lats = points.map(p => p.lat), lons = points.map(p => p.lon);
    const [minLat, maxLat, minLon, maxLon] = [Math.min(...lats), Math.max(...lats), Math.min(...lons), Math.max(...lons)];
    const kx = Math.cos((minLat + maxLat) / 2 * Math.PI / 180);
    const w = Math.max((maxLon - minLon) * kx, 1e-3), h = Math.max(maxLat - minLat, 1e-3);
    const scale = Math.min(520 / w, 290 / h);
    const x = lon => 40 + (lon - minLon) * kx * scale, y = lat => 330 - (lat - minLat) * scale;
    const dark = new Set(picture.darkPlaces || []);
    picture.places.forEach(p => {
      svg.append(shape('circle', { cx: x(p.lon), cy: y(p.lat), r: 4, class: dark.has(p.id) ? 'place-dark' : 'place-lit',
        'data-place': p.id }));
      svg.append(shape('text', { x: x(p.lon) + 5, y: y(p.lat) - 5, 'font-size': 11, fill: '#454d5e' }, p.name));
    });
    nsps.forEach(n => {
      const r = 6 + Math.sqrt(n.capacity) / 2;
      svg.append(shape('circle', { cx: x(n.lon), cy: y(n.lat), r, class: 'nsp-' + n.state, opacity: .35 }));
      svg.append(shape('circle', { cx: x(n.lon), cy: y(n.lat), r: r * Math.min(1, n.occupancy / Math.max(1, n.capacity)),
        class: 'nsp-' + n.state }));
      svg.append(shape('text', { x: x(n.lon) + r + 2, y: y(n.lat) + 4, 'font-size': 11 }, `${n.occupancy}/${n.capacity}`));
    });
  }
}

function drawNspList(nsps) {
  const head = el('tr', {}, ...['nsp', 'state', 'occupancy', 'supplies'].map(k => el('th', {}, t(k))));
  const rows = nsps.map(n => el('tr', { 'data-nsp': n.id, 'data-occupancy': n.occupancy },
    el('td', {}, n.name), el('td', {}, t('states')[n.state] || n.state),
    el('td', {}, el('span', { class: 'bar' }, Object.assign(el('span'), { style: `width:${Math.min(100, 100 * n.occupancy / Math.max(1, n.capacity))}%` })),
      ` ${n.occupancy}/${n.capacity}`),
    el('td', { class: 'details' }, n.waterLitres == null ? '' :
      `water ${Math.round(n.waterLitres)} l · ${lang === 'nl' ? 'voedsel' : 'food'} ${Math.round(n.foodRations)}` +
      (n.fuelHours == null ? '' : ` · ${lang === 'nl' ? 'brandstof' : 'fuel'} ${n.fuelHours.toFixed(1)} h`))));
  $('nsp-list').replaceChildren(head, ...rows);
}

/** Where the phones fail, with the places' names: burgerhulp's per-place word, as the help summary's tail. */
function phoneLine() {
  const names = new Map(picture.places.map(p => [p.id, p.name]));
  const said = t('phones')(picture.reachability, (picture.phonesExcept || []).map(id => names.get(id) || id));
  return said ? ' — ' + said : '';
}

function drawRequests() {
  const counts = picture.helpCounts || {};
  const count = s => counts[s] || 0;
  $('help-summary').textContent = t('summary')(count('open') + count('offered'), count('matched'), count('escalated'),
    count('completed'), picture.medianMinutesToMatch) +
    phoneLine();
  const head = el('tr', {}, ...['opened', 'need', 'nsp', 'status', 'toMatch'].map(k => el('th', {}, t(k))));
  const rows = picture.recentHelpRequests.slice(-25).reverse().map(r => el('tr', { 'data-request': r.id, 'data-status': r.status },
    el('td', {}, clock(r.openedAtSeconds)), el('td', {}, say(r.needText) || r.need),
    el('td', {}, ((picture.nsps[r.nspId] || {}).name) || ''),
    el('td', {}, t('states')[r.status] || r.status), el('td', {}, r.minutesToMatch == null ? '' : r.minutesToMatch + ' min')));
  $('requests').replaceChildren(head, ...rows);
}

function drawAlerts() {
  // open alerts worst first (the server orders them), then the ones that ended most recently
  const line = a => {
    const li = el('li', { class: 'sev-line sev-line-' + a.severity, 'data-id': a.id, 'data-kind': a.kind, 'data-count': a.count,
      'data-severity': a.severity, 'data-status': a.resolvedAtSeconds == null ? 'open' : 'resolved' },
      `${clock(a.atSeconds)} · ${say(a.message)}` + (a.count > 1 ? t('more')(a.count - 1) : ''));
    if (a.resolvedAtSeconds != null) li.append(el('div', {}, `${clock(a.resolvedAtSeconds)} · ${say(a.resolution)}`));
    else li.title = t('severities')[a.severity] || a.severity;
    if (a.acknowledgedBy) {
      li.dataset.acknowledged = a.acknowledgedBy;
      li.append(el('div', { class: 'details' }, t('acknowledged')(a.acknowledgedBy, clock(a.acknowledgedAtSeconds))));
    } else if (a.resolvedAtSeconds == null && !reviewing) {
      const button = el('button', { type: 'button', class: 'ack', 'data-alert': a.id }, t('acknowledge'));
      button.onclick = event => { event.stopPropagation(); acknowledge(a.id, button); };
      li.append(' ', button);
    }
    if (reviewing) li.onclick = () => { $('slider').value = String(a.atSeconds); showAt(a.atSeconds); };
    return li;
  };
  $('alert-summary').textContent = t('alertSummary')(picture.openAlertCount, picture.alertCount);
  const open = picture.openAlerts.map(line);
  $('alerts').replaceChildren(...(open.length ? open : [el('li', {}, t('none'))]));
  $('resolved-alerts').replaceChildren(...picture.resolvedAlerts.map(line));
}

// ---- decisions: the crisis team acts; outage-timeline takes each onto the exercise, the simulations answer ----

/** The scenario's objectives with their verdicts and evidence, as evaluated from the streams. */
function drawExpectations() {
  const rows = (picture.expectations || []).map(x => el('li', { 'data-expectation': x.id, 'data-verdict': x.verdict,
      class: 'verdict verdict-' + x.verdict }, `${t('verdicts')[x.verdict] || x.verdict} · ${say(x.text)}`,
    el('div', { class: 'details' }, [x.startedAtSeconds == null ? '' : t('due')(clock(x.startedAtSeconds), clock(x.dueAtSeconds)),
      x.evidenceAtSeconds == null ? '' : t('evidence')(clock(x.evidenceAtSeconds))].filter(Boolean).join(' · '))));
  $('expectations').replaceChildren(...(rows.length ? rows : [el('li', {}, t('none'))]));
}

// Observers' notes: the section shows only when the service lets this sign-in read them (observers, trainers);
// the crisis team being observed never sees it. Read when an exercise is chosen and after each note.
async function loadObservations() {
  if (!exerciseId) return;
  const response = await fetch(`api/exercises/${encodeURIComponent(exerciseId)}/observations`,
    { headers: { Authorization: auth } });
  $('observing').hidden = !response.ok;
  if (!response.ok) return;
  const notes = await response.json();
  const rows = notes.map(o => el('li', { 'data-observation': o.observationId },
    `${clock(o.atSeconds)} · ${o.by}${o.score ? ' · ' + o.score + '/5' : ''}${o.objectiveId ? ' · ' + o.objectiveId : ''}: ${o.text}`));
  $('observations').replaceChildren(...(rows.length ? rows : [el('li', {}, t('none'))]));
}

function drawObservationForm() {
  const select = $('observation-objective');
  const wanted = JSON.stringify([(picture.expectations || []).map(e => e.id), lang]);
  if (select.dataset.drawn === wanted) return;
  select.dataset.drawn = wanted;
  const chosen = select.value;
  select.replaceChildren(el('option', { value: '' }, t('general')),
    ...(picture.expectations || []).map(e => el('option', { value: e.id }, say(e.text))));
  select.value = chosen;
}

$('observe').onsubmit = async event => {
  event.preventDefault();
  const body = { text: $('observation-text').value };
  if ($('observation-score').value) body.score = Number($('observation-score').value);
  if ($('observation-objective').value) body.objectiveId = $('observation-objective').value;
  try {
    const response = await fetch(`api/exercises/${encodeURIComponent(exerciseId)}/observations`, {
      method: 'POST', body: JSON.stringify(body),
      headers: { Authorization: auth, 'Content-Type': 'application/json', 'Accept-Language': lang,
        'Idempotency-Key': crypto.randomUUID ? crypto.randomUUID() : `${Date.now()}-${Math.random()}` } });
    $('observation-error').textContent = response.ok ? t('observationSaved') : ((await response.json()).detail || response.status);
    if (response.ok) {
      $('observation-text').value = '';
      await loadObservations(); // the note reaches the record through the topic: read again shortly
      setTimeout(loadObservations, 1500);
    }
  } catch (err) {
    $('observation-error').textContent = t('failed') + ' (' + err.message + ')';
  }
};

// The role players' messages and the crisis team's answers. Drawn anew only when they change, so an answer being
// typed is not wiped by the next picture.
let drawnInbox = null;
function drawInbox() {
  const live = !reviewing && !['STOPPED', 'FINISHED'].includes(picture.state);
  const signature = JSON.stringify([picture.inbox, live, lang]);
  if (signature === drawnInbox) return;
  drawnInbox = signature;
  const rows = (picture.inbox || []).map(m => {
    const li = el('li', { 'data-message': m.id }, `${clock(m.atSeconds)} · ${m.from}: ${say(m.text)}`);
    if (m.answer) {
      li.append(el('div', { class: 'details' }, `${t('answered')(m.answeredBy, clock(m.answeredAtSeconds))}: ${m.answer}`));
    } else if (live) {
      const input = el('input', { type: 'text', 'aria-label': t('answerText'), maxlength: '2000' });
      const button = el('button', { type: 'button' }, t('answer'));
      const said = el('span', { class: 'details' });
      button.onclick = () => answerMessage(m.id, input, button, said);
      li.append(el('div', { class: 'answer' }, input, ' ', button, ' ', said));
    }
    return li;
  });
  $('inbox').replaceChildren(...(rows.length ? rows : [el('li', {}, t('none'))]));
}

async function answerMessage(messageId, input, button, said) {
  button.disabled = true;
  try {
    const response = await fetch(`api/exercises/${encodeURIComponent(exerciseId)}/messages/${encodeURIComponent(messageId)}/answer`, {
      method: 'POST', body: JSON.stringify({ text: input.value }),
      headers: { Authorization: auth, 'Content-Type': 'application/json', 'Accept-Language': lang,
        'Idempotency-Key': crypto.randomUUID ? crypto.randomUUID() : `${Date.now()}-${Math.random()}` } });
    said.textContent = response.ok ? t('answerSent') : ((await response.json()).detail || response.status);
  } catch (err) {
    said.textContent = t('failed') + ' (' + err.message + ')';
  } finally {
    button.disabled = false;
  }
}

function drawDecisions() {
  drawExpectations();
  const rows = (picture.decisions || []).map(d => el('li', { 'data-decision': d.id, 'data-kind': d.kind },
    `${clock(d.atSeconds)} · ${say(d.text)}`, el('div', { class: 'details' }, `${d.reason} (${t('decisionBy')(d.by)})`)));
  // passed on but not yet taken by the exercise's clock (it is being taken over): said, not hidden
  Object.values(picture.submitted || {}).forEach(d => rows.push(el('li', { 'data-submitted': d.id, class: 'pending' },
    `${say(d.text)} · ${t('notTaken')}`)));
  $('decisions').replaceChildren(...(rows.length ? rows : [el('li', {}, t('none'))]));
  $('decide').hidden = reviewing || ['STOPPED', 'FINISHED'].includes(picture.state);
  const kind = $('decision-kind');
  if (!kind.options.length || kind.dataset.lang !== lang) {
    const chosen = kind.value;
    kind.replaceChildren(...Object.entries(t('kinds')).map(([k, label]) => el('option', { value: k }, label)));
    kind.value = chosen || 'open-nsp';
    kind.dataset.lang = lang;
    $('decision-advice').replaceChildren(...Object.entries(t('advices')).map(([k, label]) => el('option', { value: k }, label)));
    decisionFields();
  } else if (!$('decision-subject').options.length) {
    decisionFields(); // the scenario's NSPs, providers and places had not come in yet
  }
}

/** The fields a kind of decision needs: what it is about (NSPs, providers or places), a number, a message. */
function decisionFields() {
  const kind = $('decision-kind').value;
  const subject = $('decision-subject');
  const options = ['open-nsp', 'close-nsp'].includes(kind) ? Object.values(picture.nsps).map(n => [n.id, n.name])
    : ['fuel-priority', 'mobile-generator'].includes(kind) ? Object.values(picture.providers).map(p => [p.id, p.name])
    : ['public-warning', 'extra-volunteers'].includes(kind) ? picture.places.map(p => [p.id, p.name]) : [];
  subject.multiple = ['public-warning', 'extra-volunteers'].includes(kind);
  subject.replaceChildren(...options.map(([id, name]) => el('option', { value: id }, name)));
  $('decision-subject-label').hidden = !options.length;
  const number = t('numbers')[kind];
  $('decision-number-label').hidden = !number;
  $('decision-number-text').textContent = number || '';
  $('decision-number').max = kind === 'grip' ? 4 : 100000;
  $('decision-advice-label').hidden = kind !== 'public-warning';
  $('decision-message-label').hidden = kind !== 'public-warning';
}
$('decision-kind').onchange = decisionFields;

$('decide').onsubmit = async event => {
  event.preventDefault();
  const kind = $('decision-kind').value;
  const chosen = [...$('decision-subject').selectedOptions].map(o => o.value);
  const number = $('decision-number').value ? Number($('decision-number').value) : undefined;
  const body = { kind, reason: $('decision-reason').value };
  if (['open-nsp', 'close-nsp'].includes(kind)) body.nspId = chosen[0];
  if (['fuel-priority', 'mobile-generator'].includes(kind)) body.providerId = chosen[0];
  if (['public-warning', 'extra-volunteers'].includes(kind)) body.places = chosen;
  if (kind === 'mobile-generator') body.hours = number;
  if (['extra-volunteers', 'grip'].includes(kind)) body.count = number;
  if (kind === 'public-warning') {
    body.advice = $('decision-advice').value;
    body.message = { nl: $('decision-message').value, en: $('decision-message').value };
  }
  const button = $('decide').querySelector('button');
  button.disabled = true;
  try {
    const response = await fetch(`api/exercises/${encodeURIComponent(exerciseId)}/decisions`, {
      method: 'POST', body: JSON.stringify(body),
      headers: { Authorization: auth, 'Content-Type': 'application/json', 'Accept-Language': lang,
        'Idempotency-Key': crypto.randomUUID ? crypto.randomUUID() : `${Date.now()}-${Math.random()}` } });
    // the service's own words on a refusal (problem+json), in the page's language
    $('decision-error').textContent = response.ok ? t('decisionTaken') : ((await response.json()).detail || response.status);
    if (response.ok) $('decision-reason').value = '';
  } catch (err) {
    $('decision-error').textContent = t('failed') + ' (' + err.message + ')';
  } finally {
    button.disabled = false;
  }
};

// "seen, we are on it": the crisis team's acknowledgement goes on its topic; the picture shows it once logged
async function acknowledge(alertId, button) {
  button.disabled = true;
  try {
    await api(`api/exercises/${encodeURIComponent(exerciseId)}/alerts/${encodeURIComponent(alertId)}/acknowledgement`,
      { method: 'POST' });
  } catch (err) {
    button.disabled = false;
    $('error').textContent = t('failed') + ' (' + err.message + ')';
  }
}

let feedPending = false;
function scheduleFeed() {
  if (!feedPending) {
    feedPending = true;
    requestAnimationFrame(() => { feedPending = false; drawFeed(); });
  }
}
document.querySelectorAll('.cat, #only-alerts').forEach(c => c.onchange = drawFeed);
$('feed-filter').oninput = drawFeed;

function drawFeed() {
  const cats = new Set([...document.querySelectorAll('.cat:checked')].map(c => c.value));
  const onlyAlerts = $('only-alerts').checked;
  const words = $('feed-filter').value.trim().toLowerCase();
  const items = [...feed.values()].sort((a, b) => b.seq - a.seq)
    .filter(i => cats.has(i.category) && (!onlyAlerts || i.alert)
      && (!words || (say(i.text) + ' ' + i.type + ' ' + (i.subject || '')).toLowerCase().includes(words)))
    .slice(0, 400);
  $('feed').replaceChildren(...items.map(i => el('li', { class: i.alert ? 'alert' : '', 'data-seq': i.seq },
    `${clock(i.atSeconds)} · ${say(i.text)}`)));
}

applyLanguage();
auth ? loadExercises() : showLogin('');
