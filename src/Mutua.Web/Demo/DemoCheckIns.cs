using Mutua.Core;
using Mutua.Core.CheckIns;
using Mutua.Core.Communities;

namespace Mutua.Web.Demo;

/// <summary>
/// A year of believable check-ins: incomes skewed and local, savings that mostly grow, debts that
/// mostly shrink, help mostly inside groups, needs that follow the seasons (school costs before terms).
/// </summary>
internal static class DemoCheckIns
{
    private sealed record Economy(long IncomeLow, long IncomeHigh, long SavingsStep, long DebtsHigh);

    // Monthly household income ranges in minor units of each community's currency.
    private static Economy For(string currency) => currency switch
    {
        "RWF" => new Economy(25_000, 180_000, 3_000, 150_000),
        "UGX" => new Economy(150_000, 1_200_000, 20_000, 900_000),
        _ => new Economy(150_000, 520_000, 4_000, 600_000),
    };

    // Families write goals in their own words and language.
    private static string[] GoalsIn(string language) => language switch
    {
        "es" => ["Ahorrar para la escuela", "Abrir un pequeño negocio", "Arreglar el techo", "Pagar un préstamo", "Aprender a usar la computadora"],
        "rw" => ["Kuzigamira amafaranga y'ishuri", "Gutangiza ubucuruzi buto", "Gusana igisenge", "Kwishyura inguzanyo", "Kwiga gukoresha mudasobwa"],
        "fr" => ["Épargner pour l'école", "Lancer un petit commerce", "Réparer le toit", "Rembourser un prêt", "Apprendre l'informatique"],
        "sw" => ["Kuweka akiba kwa ada ya shule", "Kuanzisha biashara ndogo", "Kukarabati paa", "Kulipa mkopo", "Kujifunza kompyuta"],
        _ => ["Save for school fees", "Start a small business", "Repair the roof", "Pay off a loan", "Learn to use a computer"],
    };

    public static void Add(MutuaDbContext db, Community community, IReadOnlyList<(Household Household, Guid PersonId)> households,
        DateTimeOffset now, Random random)
    {
        var economy = For(community.Currency);
        var thisMonth = Month.Current(now, community.TimeZone);
        var help = PlanHelp(households.Select(h => h.Household).ToList(), thisMonth, new Random(random.Next()));
        foreach (var (household, personId) in households)
        {
            // Each household has its own level: a few earn far more than most (log-normal-ish skew).
            var level = economy.IncomeLow + (long)((economy.IncomeHigh - economy.IncomeLow) * Math.Pow(random.NextDouble(), 2.2));
            var savings = (long)(economy.SavingsStep * random.Next(0, 20));
            var debts = random.NextDouble() < 0.6 ? (long)(economy.DebtsHigh * random.NextDouble()) : 0;
            var goals = GoalsIn(community.DefaultLanguage);
            var goal = new Goal { HouseholdId = household.Id, Name = goals[random.Next(goals.Length)], CreatedAt = household.CreatedAt };
            db.Goals.Add(goal);
            var goalPercent = 0;
            var joined = Month.Current(household.CreatedAt, community.TimeZone);
            var month = thisMonth;
            for (var i = 0; i < 11; i++) month = month.Previous;
            for (; month <= thisMonth; month = month.Next)
            {
                if (month < joined || random.NextDouble() < 0.15) continue;
                if (month == thisMonth && random.NextDouble() < 0.45) continue;
                var checkIn = new CheckIn
                {
                    HouseholdId = household.Id, CommunityId = community.Id, GroupId = household.GroupId, Period = month.Period,
                    Currency = community.Currency, CreatedAt = now, UpdatedAt = now, RecordedById = personId,
                    HealthRating = Math.Clamp(3 + random.Next(-2, 3), 1, 5), Housing = (HousingSituation)(1 + random.Next(0, 3)),
                    SharedWithGroup = SharedParts.Goals | SharedParts.NeedsAndWants | (random.NextDouble() < 0.3 ? SharedParts.Savings : 0),
                };
                var job = (long)(level * (0.75 + random.NextDouble() * 0.3));
                checkIn.Income.Add(new IncomeLine { CheckInId = checkIn.Id, Source = IncomeSource.Job, Amount = Round(job) });
                if (random.NextDouble() < 0.4)
                    checkIn.Income.Add(new IncomeLine { CheckInId = checkIn.Id, Source = IncomeSource.OwnBusiness, Amount = Round((long)(level * 0.3 * random.NextDouble())) });
                if (random.NextDouble() < 0.2)
                    checkIn.Income.Add(new IncomeLine { CheckInId = checkIn.Id, Source = IncomeSource.GiftsOrRemittances, Amount = Round((long)(level * 0.15 * random.NextDouble())) });
                savings = Math.Max(0, savings + (long)(economy.SavingsStep * (random.NextDouble() * 3 - 0.8)));
                debts = Math.Max(0, debts - (long)(economy.SavingsStep * random.NextDouble() * 2));
                checkIn.SavingsBalance = Round(savings);
                checkIn.Debts = Round(debts);

                foreach (var (direction, other, kind) in help.GetValueOrDefault((household.Id, month.Period), []))
                {
                    checkIn.Help.Add(new HelpExchange { CheckInId = checkIn.Id, Direction = direction, OtherHouseholdId = other, Kind = kind });
                }
                CheckInSummary.Summarise(checkIn.Income, checkIn.Help).ApplyTo(checkIn);

                // Common needs are common: an aggregate shows a need only when 5 or more households, and 5 or more others, name it.
                var needs = 0;
                if (month.Number is 1 or 8 or 9 && random.NextDouble() < 0.6) needs |= 1 << (int)NeedCategory.SchoolCosts;
                if (random.NextDouble() < 0.5) needs |= 1 << (int)NeedCategory.Childcare;
                if (random.NextDouble() < 0.4) needs |= 1 << (int)NeedCategory.Transport;
                if (random.NextDouble() < 0.35) needs |= 1 << (int)NeedCategory.HealthCare;
                if (random.NextDouble() < 0.1) needs |= 1 << (int)NeedCategory.Food;
                checkIn.NeedsMask = needs;
                checkIn.WantsMask = (random.NextDouble() < 0.5 ? 1 << (int)NeedCategory.BusinessCapital : 0)
                    | (random.NextDouble() < 0.45 ? 1 << (int)NeedCategory.Training : 0)
                    | (random.NextDouble() < 0.15 ? 1 << (int)NeedCategory.ToolsOrEquipment : 0);

                goalPercent = Math.Min(100, goalPercent + random.Next(0, 14));
                checkIn.Goals.Add(new GoalProgress { CheckInId = checkIn.Id, GoalId = goal.Id, Percent = goalPercent });
                db.CheckIns.Add(checkIn);
            }
        }
    }

    /// <summary>
    /// Who helps whom, month by month, as each side will tell it in its check-in: mostly inside groups,
    /// a few connectors who also help across groups, and a few quiet households nobody helps yet.
    /// Each side reports an exchange on its own (most do, some forget), so most links are confirmed
    /// and some are one-sided; a household that skips a month's check-in reports nothing.
    /// </summary>
    private static Dictionary<(Guid Household, int Period), List<(HelpDirection, Guid, HelpKind)>> PlanHelp(
        List<Household> households, Month thisMonth, Random random)
    {
        var plan = new Dictionary<(Guid, int), List<(HelpDirection, Guid, HelpKind)>>();
        void Report(Guid reporter, int period, HelpDirection direction, Guid other, HelpKind kind)
        {
            if (!plan.TryGetValue((reporter, period), out var list)) plan[(reporter, period)] = list = [];
            list.Add((direction, other, kind));
        }
        var n = households.Count;
        var quiet = households.Where((_, i) => i % 7 == 5).Select(h => h.Id).ToHashSet();
        var connectors = households.Where((h, i) => i % 8 == 2 && !quiet.Contains(h.Id)).Select(h => h.Id).ToHashSet();
        var active = households.Where(h => !quiet.Contains(h.Id)).ToList();
        // Each household has a few regular partners in its group and helps them again and again.
        var partners = active.ToDictionary(h => h.Id, h =>
        {
            var group = active.Where(o => o.Id != h.Id && o.GroupId == h.GroupId).ToList();
            var chosen = group.OrderBy(_ => random.Next()).Take(Math.Min(group.Count, 2 + random.Next(0, 2))).ToList();
            if (connectors.Contains(h.Id))
                chosen.AddRange(active.Where(o => o.GroupId != h.GroupId).OrderBy(_ => random.Next()).Take(1 + random.Next(0, 2)));
            return chosen;
        });
        var month = thisMonth;
        for (var i = 0; i < 11; i++) month = month.Previous;
        for (; month <= thisMonth; month = month.Next)
        {
            foreach (var giver in active)
            {
                if (month < Month.Current(giver.CreatedAt, "UTC")) continue;
                var times = connectors.Contains(giver.Id) ? random.Next(1, 4) : random.Next(0, 2);
                for (var t = 0; t < times; t++)
                {
                    var pool = partners[giver.Id];
                    // Now and then someone outside the usual partners, most often in the same group.
                    var sameGroup = active.Where(o => o.GroupId == giver.GroupId && o.Id != giver.Id).ToList();
                    var receiver = pool.Count > 0 && random.NextDouble() < 0.9 ? pool[random.Next(pool.Count)]
                        : sameGroup.Count > 0 && random.NextDouble() < 0.75 ? sameGroup[random.Next(sameGroup.Count)]
                        : active[random.Next(active.Count)];
                    if (receiver.Id == giver.Id) continue;
                    var kind = (HelpKind)(1 + random.Next(0, 7));
                    if (random.NextDouble() < 0.85) Report(giver.Id, month.Period, HelpDirection.Given, receiver.Id, kind);
                    if (random.NextDouble() < 0.8) Report(receiver.Id, month.Period, HelpDirection.Received, giver.Id, kind);
                }
            }
        }
        return plan;
    }

    /// <summary>People report round figures.</summary>
    private static long Round(long amount) => amount < 1000 ? amount : amount / 1000 * 1000;
}
