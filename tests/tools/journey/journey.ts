// An integrator's first journey through Mutua's API, with a client generated from /openapi/v1.json
// (openapi-typescript for the types, openapi-fetch for the calls). No casts, no `any`, no non-null
// assertions: if the document is wrong, this does not compile. Mutua.Web.Tests (Integrators/) generates
// ./api.d.ts next to a copy of this file, compiles it with tsc --strict and runs it against the app.
import createClient from "openapi-fetch";
import type { paths } from "./api.js";

declare const process: { env: Record<string, string | undefined>; exitCode?: number };

function setting(name: string): string {
  const value = process.env[name];
  if (value === undefined || value === "") throw new Error(`set ${name}`);
  return value;
}

const baseUrl = setting("MUTUA_BASE_URL");
const login = setting("MUTUA_LOGIN");
const password = setting("MUTUA_PASSWORD");
const month = setting("MUTUA_MONTH");

async function main(): Promise<void> {
  const anonymous = createClient<paths>({ baseUrl });
  const signIn = await anonymous.POST("/api/v1/auth/login", { body: { login, password } });
  if (signIn.data === undefined) throw new Error(`sign-in failed: ${JSON.stringify(signIn.error)}`);
  const client = createClient<paths, `${string}/json`>({ baseUrl, headers: { Authorization: `Bearer ${signIn.data.accessToken}` } });

  const me = await client.GET("/api/v1/me");
  if (me.data === undefined) throw new Error(`GET /me failed: ${JSON.stringify(me.error)}`);
  const household = me.data.households[0];
  if (household === undefined) throw new Error("the person has no household");

  const checkIn = await client.PUT("/api/v1/households/{householdId}/checkins/{month}", {
    params: { path: { householdId: household.id, month } },
    body: { savingsBalance: 12_345, healthRating: 4, needs: ["food", "training"], sharedWithGroup: ["goals", "needsAndWants"] },
  });
  if (checkIn.data === undefined) throw new Error(`PUT check-in failed: ${JSON.stringify(checkIn.error)}`);

  const insights = await client.GET("/api/v1/communities/{communityId}/insights", {
    params: { path: { communityId: household.communityId }, query: { format: "json" } },
  });
  if (insights.data === undefined) throw new Error(`GET insights failed: ${JSON.stringify(insights.error)}`);
  const food = insights.data.months.map((m) => m.needs.find((c) => c.category === "food")).filter((c) => c !== undefined);

  const projects = await client.GET("/api/v1/projects", { params: { query: { communityId: household.communityId, sort: "newest" } } });
  if (projects.data === undefined) throw new Error(`GET projects failed: ${JSON.stringify(projects.error)}`);

  const own = new Set(me.data.households.map((h) => h.id));
  let pledge: { id: string; projectId: string; needId: string; amount: number; currency: string } | undefined;
  for (const card of projects.data.items) {
    const project = await client.GET("/api/v1/projects/{id}", { params: { path: { id: card.id } } });
    if (project.data === undefined) continue;
    const ownerHousehold = project.data.owner.householdId;
    if (ownerHousehold !== null && own.has(ownerHousehold)) continue;
    const need = project.data.needs.find((n) => n.kind === "money");
    if (need === undefined) continue;
    const made = await client.POST("/api/v1/projects/{id}/pledges", {
      params: { path: { id: card.id }, header: { "Idempotency-Key": `journey-${me.data.id}-${month}` } },
      body: { needId: need.id, amount: 2_500 },
    });
    if (made.data === undefined) continue;
    pledge = { id: made.data.id, projectId: made.data.projectId, needId: made.data.needId, amount: made.data.amount, currency: project.data.currency };
    break;
  }
  if (pledge === undefined) throw new Error("no project took a pledge");

  console.log(JSON.stringify({
    personId: me.data.id,
    householdId: household.id,
    checkIn: { month: checkIn.data.month, savingsBalance: checkIn.data.savingsBalance, sharedWithGroup: checkIn.data.sharedWithGroup },
    insights: { months: insights.data.months.length, first: insights.data.months[0]?.month ?? null, foodCells: food.length },
    projects: projects.data.items.length,
    pledge,
  }));
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exitCode = 1;
});
