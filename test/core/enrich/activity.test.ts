import { activityFields, deploymentFacts, isDeploymentText } from "../../../src/core/enrich/activity";

describe("deployments and retrospectives from an entry's words and screen text", () => {
  test("a plan in the future tense is not a deployment; a rollback checklist is not a rollback", () => {
    const plan = "Planeación del despliegue: esta tarde subimos la versión 1.0 a producción. Antes revisamos el checklist de rollback y las alertas de Grafana.";
    expect(isDeploymentText(plan)).toBe(false);
    expect(activityFields(plan)).toEqual({});
    expect(isDeploymentText("We will deploy the call bot to production tomorrow.")).toBe(false);
  });

  test("a reported deployment keeps its outcome, in Spanish and English", () => {
    expect(activityFields("We rolled out the call bot to staging. The deployment succeeded, all health checks are green.")).toMatchObject({
      type: "deployment",
      environment: "staging",
      outcome: "success",
    });
    expect(activityFields("El despliegue a producción falló: el health check no respondía, así que hicimos rollback a la versión 0.9.3.")).toMatchObject({
      type: "deployment",
      environment: "production",
      outcome: "rollback",
    });
  });

  test("a deploy log: the command's rollback option is not the outcome, the ROLLBACK line is", () => {
    const ok = "$ ./deploy.sh --env=production --rollback-on-failure=true\nDeploying hotel-audio-api:1.0.0 to production\nDeploy complete";
    expect(deploymentFacts(ok).outcome).toBe("success");
    const rolledBack = `${ok.replace("Deploy complete", "Health check audio: FAILED (timeout 30s)")}\nROLLBACK: restoring hotel-audio-api:0.9.3`;
    expect(deploymentFacts(rolledBack)).toMatchObject({ environment: "production", outcome: "rollback" });
  });

  test("environment from a namespace or a staging host name", () => {
    expect(deploymentFacts("Deployment successful\nNamespace: staging").environment).toBe("staging");
    expect(deploymentFacts("Deployed to https://staging.callbot.example.com").environment).toBe("staging");
  });

  test("a retro board's columns make a retrospective, even when a card names a deploy", () => {
    expect(activityFields("Went well To improve Actions\nStaging deploy Twilio webhook Load tests")).toEqual({ type: "retrospective" });
    expect(activityFields("Lo que salió bien: el despliegue a staging.")).toEqual({ type: "retrospective" });
  });
});
