import type { Deps } from '../../deps.ts';
import type { App } from '../../http/types.ts';

export function resourceRoutes(deps: Deps) {
  void deps;
  return async (app: App) => {
    void app;
  };
}
