// Renders the API's OpenAPI documents with Swagger UI; "Authorize" takes the same bearer token as the
// UI. ../config.json gives the API origin (empty: this origin, the embedded server, whose /openapi.json
// documents every service) and, on AWS, `openapiUrls`: one document per service, because there each
// service runs alone and /openapi.json reaches one of them. Several documents get a picker; the choice
// is kept in `?urls.primaryName=`, the parameter Swagger UI's own picker uses.
const PICKED = 'urls.primaryName';

const readConfig = async () => {
  try {
    const res = await fetch('../config.json', { cache: 'no-store' });
    if (res.ok) return await res.json();
  } catch {
    // Same origin.
  }
  return {};
};

const documentsOf = (config) => {
  const listed = Array.isArray(config.openapiUrls) ? config.openapiUrls.filter((d) => d && typeof d.name === 'string' && typeof d.url === 'string') : [];
  return listed.length > 0 ? listed : [{ name: 'mediaflow', url: `${config.apiUrl || ''}/openapi.json` }];
};

const rememberPick = (name) => {
  const url = new URL(window.location.href);
  url.searchParams.set(PICKED, name);
  url.hash = ''; // a deep link names an operation of the previous document
  window.history.replaceState(null, '', url);
};

// Swagger UI's `urls` dropdown lives in the standalone preset's top bar, which the docs page does not
// ship: this select does what that one does (specActions.updateUrl + download).
const mountPicker = (documents, picked, ui) => {
  const select = document.createElement('select');
  select.id = 'api-document';
  select.setAttribute('aria-label', 'API');
  for (const d of documents) select.append(new Option(d.name, d.url, false, d === picked));
  select.addEventListener('change', () => {
    const chosen = documents[select.selectedIndex];
    rememberPick(chosen.name);
    ui.specActions.updateUrl(chosen.url);
    ui.specActions.download(chosen.url);
  });
  const label = document.createElement('label');
  label.htmlFor = select.id;
  label.textContent = 'API ';
  label.style.fontWeight = 'bold';
  const wrapper = document.createElement('div');
  wrapper.className = 'wrapper';
  wrapper.style.paddingTop = '16px';
  wrapper.append(label, select);
  const bar = document.createElement('div');
  bar.className = 'swagger-ui'; // Swagger UI's styles apply only inside it
  bar.append(wrapper);
  document.getElementById('swagger-ui').before(bar);
};

(async () => {
  const documents = documentsOf(await readConfig());
  const wanted = new URLSearchParams(window.location.search).get(PICKED);
  const picked = documents.find((d) => d.name === wanted) ?? documents[0];
  const ui = window.SwaggerUIBundle({
    url: picked.url,
    dom_id: '#swagger-ui',
    deepLinking: true,
    persistAuthorization: true,
    tryItOutEnabled: false,
    onComplete: () => {
      // Signed in to the UI on this origin: "Try it out" carries the same token.
      const token = localStorage.getItem('mediaflow.token');
      if (token) ui.preauthorizeApiKey('bearerAuth', token);
    },
  });
  if (documents.length > 1) mountPicker(documents, picked, ui);
  window.ui = ui;
})();
