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

const DEPLOY_WORDS = /\b(deploy\w*|despliegue|desplegamos|desplegar|desplegado|desplegada|rollout|rolled out|release|rollback|shipped|puesta en produccion|subimos a produccion|pase a produccion)\b/;
const STAGING = /\b(staging|pre-?produccion|preprod|ambiente de pruebas|servidor de pruebas|entorno de pruebas|test environment|qa environment)\b|(?:\/\/|\b)(?:staging|stg)[.-][\w.-]+/;
const PRODUCTION = /\b(produccion|production|prod)\b/;
// Rollback as a thing that happened, not a checklist, plan or command-line option.
const ROLLBACK_TOOLING = /\b(checklist|plan|procedimientos?|procedures?|mecanismo|mechanism|estrategia|strategy|script|politica|policy)( de| del| of)? rollback\b|rollback[- ](on[- ]failure|procedures?|plan|checklist|strategy|script|automatico|automatic)\w*/g;
const ROLLBACK = /\b(rollback|roll back|rolled back|revert\w*|revertimos|reversion|volvimos a la version|restoring)\b/;
const NEGATED_FAILURE = /\b(sin errores|sin fallos|without errors|no errors|0 errores|0 errors|error rate|tasa de error|errores? 0)\b/g;
const FAILURE = /\b(fallo|fallido|falla|failed|failure|fails|error|errores|crash\w*|caido|se cayo|outage|incidente|incident)\b/;
const SUCCESS = /\b(successful\w*|success|succeeded|exitos[oa]|exito|sin errores|se completo|completed|complete|completad[oa]|operational|operativo|passing|passed|en verde|are green|all green|healthy|200 ok)\b/;
// A sentence that only plans a deployment ("esta tarde subimos la versión 1.0", "we will deploy tomorrow").
const PLAN = /\b(vamos a|voy a|van a|planeamos|planeacion|planificacion|planeando|esta tarde|esta noche|manana|la proxima semana|el proximo sprint|next week|next sprint|tomorrow|this afternoon|tonight|we will|we'll|will (deploy|ship|release)|going to|plan(ning)? to|subiremos|desplegaremos|haremos|queremos|antes de)\b/;
const DONE = /\b(desplegamos|hicimos|realizamos|se completo|completamos|completed|succeeded|failed|fallo|shipped|rolled out|deployed|we deployed|rolled back|restoring|complete)\b/;
const SERVICE = /\b[a-z][a-z0-9]*(?:-[a-z0-9]+)+\b/g;
const NOT_SERVICES = new Set(["auto-scaling", "multi-stage", "end-to-end", "round-robin", "pre-produccion", "stand-up", "one-on-one", "real-time", "health-check", "fine-tuning"]);
// Retrospectives by name, or by the columns of a retro board.
const RETROSPECTIVE = /\b(retrospectiva|retrospective|retro)\b|\b(what went well|went well|what didn'?t go well|did not go well|to improve|action items|lo que salio bien|que salio bien|lo que no salio bien|a mejorar)\b/;

/** Folded sentences (and lines: screens break text into lines, not sentences). */
function sentencesOf(folded: string): string[] {
  return folded.split(/(?<=[.!?])\s+|\n+/).filter((s) => s.trim());
}

/** Sentences that report a deployment (not plan one), with rollback tooling words removed. */
function deploymentSentences(text: string): string[] {
  return sentencesOf(fold(text).replace(ROLLBACK_TOOLING, " "))
    .filter((s) => DEPLOY_WORDS.test(s))
    .filter((s) => !PLAN.test(s) || DONE.test(s));
}

export function isDeploymentText(text: string): boolean {
  return deploymentSentences(text).length > 0;
}

export function isRetrospectiveText(text: string): boolean {
  return RETROSPECTIVE.test(fold(text));
}

function firstMatchIndex(pattern: RegExp, text: string): number {
  const m = pattern.exec(text);
  return m ? m.index : Infinity;
}

/**
 * Environment (first one named where a deployment is reported, else anywhere), outcome
 * (rollback > failure > success, from words and screen text) and service names.
 */
export function deploymentFacts(text: string, knownServices: string[] = []): DeploymentFacts {
  const folded = fold(text).replace(ROLLBACK_TOOLING, " ");
  const reported = deploymentSentences(text).join("\n");
  const environmentIn = (where: string): Environment | undefined => {
    const staging = firstMatchIndex(STAGING, where);
    const production = firstMatchIndex(PRODUCTION, where);
    return staging === Infinity && production === Infinity ? undefined : staging <= production ? "staging" : "production";
  };
  const environment = environmentIn(reported) ?? environmentIn(folded);
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
