import { bootstrapApplication } from '@angular/platform-browser';

import { App } from './app/app';
import { appConfig, featureRoutes } from './app/app.config';
import { routerPath, warmFirstRoute } from './app/app.first-route';
import { routes } from './app/app.routes';
import { loadRuntimeConfig } from './app/api/runtime-config';

// The page's code downloads while config.json is fetched and the shell boots.
warmFirstRoute(routerPath(location.href, document.baseURI), routes, featureRoutes);

loadRuntimeConfig()
  .then((runtime) => bootstrapApplication(App, appConfig(runtime)))
  .catch((error: unknown) => console.error(error));
