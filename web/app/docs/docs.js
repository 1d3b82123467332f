// Renders the API's own /openapi.json with Swagger UI. The API origin comes from ../config.json
// (empty: this origin, the embedded server); "Authorize" takes the same bearer token as the UI.
(async () => {
  let apiUrl = '';
  try {
    const res = await fetch('../config.json', { cache: 'no-store' });
    if (res.ok) apiUrl = (await res.json()).apiUrl || '';
  } catch {
    // Same origin.
  }
  const ui = window.SwaggerUIBundle({
    url: `${apiUrl}/openapi.json`,
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
  window.ui = ui;
})();
