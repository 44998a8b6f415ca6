// The API page (/api/docs): Swagger UI over the OpenAPI documents of the gateway and of the three services behind it,
// one chosen at a time at the top right. A file of its own, not an inline script: the gateway's
// Content-Security-Policy lets scripts come from this origin only. No online validator (nothing leaves this origin).
window.addEventListener('load', function () {
  window.ui = SwaggerUIBundle({
    urls: [
      { name: 'gateway', url: '/q/openapi?format=json' },
      { name: 'election-service', url: '/api/docs/election-service' },
      { name: 'ballot-service', url: '/api/docs/ballot-service' },
      { name: 'notification-service', url: '/api/docs/notification-service' }
    ],
    'urls.primaryName': 'gateway',
    dom_id: '#swagger-ui',
    deepLinking: true,
    validatorUrl: null,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
    plugins: [SwaggerUIBundle.plugins.DownloadUrl],
    layout: 'StandaloneLayout'
  });
});
