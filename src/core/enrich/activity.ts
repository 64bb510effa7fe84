/**
 * What kind of event an entry records, for the dashboards: a deployment (with environment,
 * outcome and services) or a retrospective. Written as entry fields so Dataview sees them too.
 */
import { fold } from "./text";

export type Environment = "staging" | "production";
export type Outcome = "success" | "failure" | "rollback";

export interface DeploymentFacts {
  environment?: Environment;
  outcome?: Outcome;
  services: string[];
}

const DEPLOY_WORDS = /\b(deploy\w*|despliegue|desplegamos|desplegar|desplegado|rollout|release|rollback|puesta en produccion|subimos a produccion|pase a produccion)\b/;
const STAGING = /\b(staging|pre-?produccion|preprod|ambiente de pruebas|servidor de pruebas|entorno de pruebas|test environment|qa environment)\b/;
const PRODUCTION = /\b(produccion|production|prod)\b/;
const ROLLBACK = /\b(rollback|roll back|revert\w*|revertimos|reversion|volvimos a la version)\b/;
const NEGATED_FAILURE = /\b(sin errores|sin fallos|without errors|no errors|0 errores|0 errors|error rate|tasa de error|errores? 0)\b/g;
const FAILURE = /\b(fallo|fallido|falla|failed|failure|fails|error|errores|crash\w*|caido|se cayo|outage|incidente|incident)\b/;
const SUCCESS = /\b(successful\w*|success|exitos[oa]|exito|sin errores|se completo|completed|operational|operativo|passing|en verde|all green|healthy)\b/;
const SERVICE = /\b[a-z][a-z0-9]*(?:-[a-z0-9]+)+\b/g;
const NOT_SERVICES = new Set(["auto-scaling", "multi-stage", "end-to-end", "round-robin", "pre-produccion", "stand-up", "one-on-one", "real-time", "health-check", "fine-tuning"]);

export function isDeploymentText(text: string): boolean {
  return DEPLOY_WORDS.test(fold(text));
}

export function isRetrospectiveText(text: string): boolean {
  return /\b(retrospectiva|retrospective|retro)\b/.test(fold(text));
}

function firstMatchIndex(pattern: RegExp, text: string): number {
  const m = pattern.exec(text);
  return m ? m.index : Infinity;
}

/** Environment (first one mentioned), outcome (rollback > failure > success) and service names. */
export function deploymentFacts(text: string, knownServices: string[] = []): DeploymentFacts {
  const folded = fold(text);
  const staging = firstMatchIndex(STAGING, folded);
  const production = firstMatchIndex(PRODUCTION, folded);
  const environment: Environment | undefined =
    staging === Infinity && production === Infinity ? undefined : staging <= production ? "staging" : "production";
  const withoutNegations = folded.replace(NEGATED_FAILURE, " ");
  const outcome: Outcome | undefined = ROLLBACK.test(folded)
    ? "rollback"
    : FAILURE.test(withoutNegations)
      ? "failure"
      : SUCCESS.test(folded)
        ? "success"
        : undefined;
  const services = new Set<string>();
  for (const known of knownServices) if (folded.includes(fold(known))) services.add(known);
  for (const m of folded.matchAll(SERVICE)) if (!NOT_SERVICES.has(m[0])) services.add(m[0]);
  return { environment, outcome, services: [...services] };
}

/** Entry fields for what the entry records: `type`, and for deployments `environment`, `outcome`, `services`. */
export function activityFields(text: string, knownServices: string[] = []): Record<string, string> {
  if (isRetrospectiveText(text)) return { type: "retrospective" };
  if (!isDeploymentText(text)) return {};
  const facts = deploymentFacts(text, knownServices);
  const fields: Record<string, string> = { type: "deployment" };
  if (facts.environment) fields.environment = facts.environment;
  if (facts.outcome) fields.outcome = facts.outcome;
  if (facts.services.length > 0) fields.services = facts.services.join(", ");
  return fields;
}
