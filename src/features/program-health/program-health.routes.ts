import type { Deps } from '../../deps.ts';
import type { App } from '../../http/types.ts';

export function programHealthRoutes(deps: Deps) {
  void deps;
  return async (app: App) => {
    void app;
  };
}
