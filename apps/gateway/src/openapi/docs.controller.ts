import { Controller, Header, Inject } from '@nestjs/common';
import type { ServiceInfo } from '@seatwise/platform/service-info';
import { SERVICE_INFO } from '@seatwise/platform/tokens';
import { RouteCatalog } from '../routing/route-catalog';
import { ApiRoute } from '../routing/route.decorator';
import { docsRoutes as routes } from './docs.routes';
import type { JsonSchema } from './json-schema';
import { openApiDocument } from './openapi-document';

// Scripts only from files (no inline script), so the page runs under the strict CSP.
const PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Seatwise API</title>
  <link rel="stylesheet" href="/api/docs/swagger-ui.css">
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="/api/docs/swagger-ui-bundle.js"></script>
  <script src="/api/docs/seatwise-init.js"></script>
</body>
</html>
`;

const INIT = `window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#swagger-ui', deepLinking: true, persistAuthorization: false });\n`;

@Controller()
export class DocsController {
  private document: JsonSchema | null = null;

  constructor(
    private readonly catalog: RouteCatalog,
    @Inject(SERVICE_INFO) private readonly info: ServiceInfo,
  ) {}

  // Built once: the routes do not change while the app runs.
  @ApiRoute(routes.openapi)
  openapi(): JsonSchema {
    this.document ??= openApiDocument(this.catalog.routes(), this.info.version);
    return this.document;
  }

  @ApiRoute(routes.ui)
  @Header('Content-Type', 'text/html; charset=utf-8')
  ui(): string {
    return PAGE;
  }

  @ApiRoute(routes.uiInit)
  @Header('Content-Type', 'text/javascript; charset=utf-8')
  uiInit(): string {
    return INIT;
  }
}
