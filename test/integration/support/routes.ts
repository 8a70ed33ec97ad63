import type { INestApplication } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { RequestMethod } from '@nestjs/common';
import { ModulesContainer, Reflector } from '@nestjs/core';
import { accessKey, type AccessRule } from '../../../server/src/auth/access.decorator.js';

export interface DeclaredRoute {
  method: string;
  /** Full path under /api, with `:params`. */
  path: string;
  handler: string;
  rule: AccessRule | undefined;
}

function joinPath(...parts: (string | undefined)[]): string {
  return `/${parts
    .flatMap((part) => (part ?? '').split('/'))
    .filter(Boolean)
    .join('/')}`;
}

/** Every HTTP route the application registered, read from Nest's own metadata, with its access rule. */
export function declaredRoutes(app: INestApplication): DeclaredRoute[] {
  const reflector = app.get(Reflector);
  const routes: DeclaredRoute[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => object) | null;
      if (!controller) continue;
      const base = Reflect.getMetadata(PATH_METADATA, controller) as string | undefined;
      const prototype = controller.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(prototype)) {
        const handler = prototype[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (method === undefined) continue;
        const path = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
        routes.push({
          method: RequestMethod[method],
          path: joinPath('api', base, path),
          handler: `${controller.name}.${name}`,
          rule: reflector.getAllAndOverride<AccessRule | undefined>(accessKey, [handler, controller]),
        });
      }
    }
  }
  return routes;
}

/** A concrete URL for a route pattern: every `:param` becomes 1. */
export function concretePath(path: string): string {
  return path.replace(/:[A-Za-z]+/g, '1');
}
