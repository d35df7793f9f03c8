import fs from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify from 'fastify';
import type { FastifyServerOptions } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../deps.ts';
import { securityHeaders } from './security-headers.ts';
import { authenticate } from '../features/accounts/auth.service.ts';
import { authRoutes } from '../features/accounts/auth.routes.ts';
import { peopleRoutes } from '../features/accounts/people.routes.ts';
import { applicationImportRoutes } from '../features/applications/application-imports.routes.ts';
import { applicationRoutes } from '../features/applications/applications.routes.ts';
import { auditRoutes } from '../features/audit/audit.routes.ts';
import { activityRoutes } from '../features/activities/activities.routes.ts';
import { goalSheetRoutes } from '../features/goal-sheets/goal-sheets.routes.ts';
import { matchRoutes } from '../features/matches/matches.routes.ts';
import { periodMatchRoutes } from '../features/matches/period-matches.routes.ts';
import { rematchRoutes } from '../features/rematch/rematch.routes.ts';
import { programHealthRoutes } from '../features/program-health/program-health.routes.ts';
import { liaisonRoutes } from '../features/liaisons/liaisons.routes.ts';
import { checkInRoutes } from '../features/check-ins/check-ins.routes.ts';
import { eventRoutes } from '../features/events/events.routes.ts';
import { surveyRoutes } from '../features/surveys/surveys.routes.ts';
import { surveyTrendRoutes } from '../features/surveys/survey-trends.routes.ts';
import { programFigureRoutes } from '../features/program-figures/program-figures.routes.ts';
import { reminderRoutes } from '../features/reminders/reminders.routes.ts';
import { resourceRoutes } from '../features/resources/resources.routes.ts';
import { matchingRunRoutes } from '../features/matching-runs/matching-runs.routes.ts';
import { outboxRoutes } from '../features/notifications/outbox.routes.ts';
import { periodRoutes } from '../features/periods/periods.routes.ts';
import { programRoutes } from '../features/programs/program.routes.ts';
import { recognitionLetterRoutes } from '../features/recognition-letters/recognition-letters.routes.ts';
import { reportRoutes } from '../features/reports/reports.routes.ts';
import { participantChoiceRoutes } from '../features/participant-choice/participant-choice.routes.ts';
import { backupRoutes } from '../features/backup/backup.routes.ts';
import { exportRoutes } from '../features/exports/exports.routes.ts';
import { personalDataRoutes } from '../features/personal-data/personal-data.routes.ts';
import { healthRoutes } from '../features/system/health.routes.ts';
import { PermissionError } from '../errors.ts';
import { checkAccess } from './access.ts';
import { answerSerializerCompiler } from './answer-serializer.ts';
import { auditDeniedAccess } from './denied-access-audit.ts';
import { registerIdempotency } from './idempotency.ts';
import { csrfTokenFits } from './csrf.ts';
import { errorHandler } from './error-handler.ts';
import { logSerializers, redactPaths } from './log-redaction.ts';
import { SESSION_COOKIE, sessionTokenOf } from './session-cookie.ts';
import { textSafeValidatorCompiler } from './text-validator.ts';
import type { Access, App } from './types.ts';

/** Methods that only read. Every other method is a change, whatever route it reaches. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface AppOptions {
  /** Pino options, or false for silence in tests. */
  logger?: FastifyServerOptions['logger'];
}

/** Every route, as tests and the authorization matrix see it. */
export interface RouteEntry {
  method: string;
  url: string;
  access: Access;
}

/**
 * Builds the whole HTTP app without listening: the server and the tests use the same thing.
 */
export async function buildApp(deps: Deps, options: AppOptions = {}): Promise<App & { routeTable: RouteEntry[] }> {
  const app = Fastify({
    logger: options.logger ?? { level: deps.config.logLevel, redact: redactPaths, serializers: logSerializers },
    trustProxy: deps.config.trustProxy,
    bodyLimit: 256 * 1024,
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(textSafeValidatorCompiler);
  app.setSerializerCompiler(answerSerializerCompiler);
  app.setErrorHandler(errorHandler);
  app.decorateRequest('auth', null);

  const routeTable: RouteEntry[] = [];
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/')) return;
    const methods = (Array.isArray(route.method) ? route.method : [route.method]).filter((m) => m !== 'HEAD');
    // The OpenAPI pages are public by nature; every other API route must say who may call it.
    const access = route.url.startsWith('/api/docs') ? 'public' : route.config?.access;
    if (!access) throw new Error(`Route ${methods.join(',')} ${route.url} has no access rule (config.access).`);
    for (const method of methods) routeTable.push({ method, url: route.url, access });
  });

  // Helmet's headers, worked out once (see security-headers.ts).
  const headers = securityHeaders({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    // Served over plain HTTP on a laptop; HSTS belongs to the TLS-terminating proxy.
    strictTransportSecurity: false,
  });
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(headers);
    done();
  });
  await app.register(fastifyCookie);
  // A cross-site form can post text/plain without a CORS preflight; no route takes it.
  app.removeContentTypeParser('text/plain');
  await app.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) => ({
      statusCode: 429,
      code: 'RATE_LIMITED',
      message: `Too many attempts. Try again in ${Math.ceil(context.ttl / 1000)} seconds.`,
    }),
  });
  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'Tandem API', description: 'The API behind the Tandem web app.', version: '0.1.0' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  // A change that carries a session cookie must carry that session's CSRF token, on every path
  // (the raw URL says nothing: `/%61pi/…` reaches the same route); then who is asking, and whether
  // the matched route lets them.
  // The session is read first so that a refused change is audited under the person it came from.
  app.addHook('onRequest', async (request) => {
    const token = sessionTokenOf(request);
    request.auth = token ? await authenticate(deps, token) : null;
    if (token && !SAFE_METHODS.has(request.method) && !csrfTokenFits(token, request.headers['x-csrf-token'])) {
      throw new PermissionError('CSRF_INVALID', 'The form has expired. Reload the page and try again.');
    }
    const access = request.routeOptions.config.access;
    if (access) checkAccess(access, request);
  });
  registerIdempotency(app, deps);
  // Every 403, wherever it was decided, is in the audit log.
  app.addHook('onError', async (request, _reply, error) => {
    const refused: unknown = error;
    if (refused instanceof PermissionError) await auditDeniedAccess(deps, request, refused.code);
  });
  // JSON answers are about someone (or say who is signed in): no cache, shared or private, keeps
  // them unless the route chose otherwise (public report pictures, hashed assets).
  app.addHook('onSend', async (_request, reply, payload) => {
    // Draining before a stop: no connection is kept for a next request this instance will not see.
    if (deps.draining?.now) void reply.header('connection', 'close');
    const type = reply.getHeader('content-type');
    if (!reply.hasHeader('cache-control') && typeof type === 'string' && type.startsWith('application/json')) {
      void reply.header('cache-control', 'no-store');
    }
    return payload;
  });

  await app.register(healthRoutes(deps));
  await app.register(authRoutes(deps));
  await app.register(peopleRoutes(deps));
  await app.register(programRoutes(deps));
  await app.register(periodRoutes(deps));
  await app.register(applicationRoutes(deps));
  await app.register(applicationImportRoutes(deps));
  await app.register(outboxRoutes(deps));
  await app.register(auditRoutes(deps));
  await app.register(matchingRunRoutes(deps));
  await app.register(matchRoutes(deps));
  await app.register(periodMatchRoutes(deps));
  await app.register(goalSheetRoutes(deps));
  await app.register(activityRoutes(deps));
  await app.register(resourceRoutes(deps));
  await app.register(reminderRoutes(deps));
  await app.register(programHealthRoutes(deps));
  await app.register(rematchRoutes(deps));
  await app.register(liaisonRoutes(deps));
  await app.register(eventRoutes(deps));
  await app.register(surveyRoutes(deps));
  await app.register(surveyTrendRoutes(deps));
  await app.register(programFigureRoutes(deps));
  await app.register(checkInRoutes(deps));
  await app.register(recognitionLetterRoutes(deps));
  await app.register(reportRoutes(deps));
  await app.register(participantChoiceRoutes(deps));
  await app.register(backupRoutes(deps));
  await app.register(exportRoutes(deps));
  await app.register(personalDataRoutes(deps));

  await registerWebApp(app, deps.config.webDistDir);

  await app.ready();
  return Object.assign(app, { routeTable });
}

/** The built React app, with every non-API path answered by index.html so deep links work. */
async function registerWebApp(app: App, distDir: string): Promise<void> {
  const indexFile = path.join(distDir, 'index.html');
  const built = fs.existsSync(indexFile);
  // wildcard: files are looked up per request, so a rebuilt app is served without a restart.
  if (built) {
    await app.register(fastifyStatic, {
      root: distDir,
      wildcard: true,
      index: ['index.html'],
      // The build writes .br and .gz copies (vite.config.ts): sent to browsers that accept them.
      preCompressed: true,
      // Hashed assets never change; the page itself must be re-read after an upgrade.
      cacheControl: false,
      setHeaders: (reply, filePath) => {
        // The path is the copy sent: index.html.br is the page too.
        const page = /\.html(\.br|\.gz)?$/.test(filePath);
        void reply.header('cache-control', page ? 'no-cache' : 'public, max-age=31536000, immutable');
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    // A missing script or image must not come back as the HTML page (a blank screen and MIME errors).
    const looksLikeFile = /\.[a-z0-9]{1,8}$/i.test(request.url.split('?')[0] ?? '');
    if (request.url.startsWith('/api/') || request.method !== 'GET' || looksLikeFile) {
      return reply.code(404).send({ code: 'NOT_FOUND', message: `No route ${request.method} ${request.url.split('?')[0]}.` });
    }
    if (!built) return reply.code(503).type('text/plain').send('The web app is not built yet: run `npm run build:web`.');
    return reply.type('text/html').header('cache-control', 'no-cache').sendFile('index.html');
  });
}
