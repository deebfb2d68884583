using Microsoft.EntityFrameworkCore;

namespace Mutua.Core.CheckIns;

/// <summary>
/// The monthly check-in: only the household's own members read or write it. A month is open until
/// ten days after it ends; later changes are kept as corrections.
/// </summary>
public sealed class CheckInService(MutuaDbContext db, Events events, TimeProvider clock)
{
    public const long MaxAmount = 10_000_000_000_000;
    public const int MaxHelpEntries = 40;
    public const int MaxActiveGoals = 10;
    private const int MaxAttempts = 10;

    private sealed record Place(Guid Id, Guid CommunityId, Guid? GroupId, string Currency, string TimeZone);

    /// <summary>What a save needs to know before it writes, read in one round trip.</summary>
    /// <param name="MonthSaved">Whether the month has a check-in already (most saves create it).</param>
    /// <param name="OrientationPending">Whether a member still has the first check-in of their orientation to tick.</param>
    private sealed record SaveTarget(Place Place, bool MonthSaved, bool OrientationPending);

    public async Task<Outcome<IReadOnlyList<CheckInListItem>>> ListAsync(Viewer viewer, Guid householdId, CancellationToken ct = default)
    {
        var place = await PlaceAsync(householdId, ct);
        if (place is null) return Failure.NotFound;
        if (!viewer.IsMemberOf(householdId)) return viewer.Refusal(place.CommunityId);
        var rows = await db.CheckIns.AsNoTracking().Where(c => c.HouseholdId == householdId)
            .OrderByDescending(c => c.Period)
            .Select(c => new { c.Period, c.IncomeTotal, c.SavingsBalance, c.Debts, c.GaveHelp, c.ReceivedHelp, c.UpdatedAt, c.Corrections })
            .ToListAsync(ct);
        return rows.Select(r => new CheckInListItem(Month.FromPeriod(r.Period).ToString(), r.IncomeTotal, r.SavingsBalance, r.Debts,
            r.GaveHelp, r.ReceivedHelp, r.UpdatedAt, r.Corrections)).ToList();
    }

    public async Task<Outcome<CheckInView>> GetAsync(Viewer viewer, Guid householdId, Month month, CancellationToken ct = default)
    {
        var place = await PlaceAsync(householdId, ct);
        if (place is null) return Failure.NotFound;
        if (!viewer.IsMemberOf(householdId)) return viewer.Refusal(place.CommunityId);
        var checkIn = await LoadAsync(householdId, month.Period, tracked: false, ct);
        if (checkIn is null) return Failure.NotFound;
        return await ToViewAsync(checkIn, place, month, prefilled: false, ct);
    }

    /// <summary>
    /// The form for a month: the saved check-in, or one pre-filled from the household's latest earlier
    /// month (income, savings, debts, health, housing, goals, needs, sharing) for a person to confirm.
    /// </summary>
    public async Task<Outcome<CheckInView>> DraftAsync(Viewer viewer, Guid householdId, Month month, CancellationToken ct = default)
    {
        var place = await PlaceAsync(householdId, ct);
        if (place is null) return Failure.NotFound;
        if (!viewer.IsMemberOf(householdId)) return viewer.Refusal(place.CommunityId);
        if (month.StateAt(clock.GetUtcNow(), place.TimeZone) == MonthState.Future) return Failure.MonthInFuture;
        var saved = await LoadAsync(householdId, month.Period, tracked: false, ct);
        if (saved is not null) return await ToViewAsync(saved, place, month, prefilled: false, ct);

        var lastPeriod = await db.CheckIns.Where(c => c.HouseholdId == householdId && c.Period < month.Period)
            .MaxAsync(c => (int?)c.Period, ct);
        var last = lastPeriod is null ? null : await LoadAsync(householdId, lastPeriod.Value, tracked: false, ct);
        var draft = new CheckIn
        {
            HouseholdId = householdId, Period = month.Period, Currency = place.Currency,
            SavingsBalance = last?.SavingsBalance, Debts = last?.Debts, HealthRating = last?.HealthRating, Housing = last?.Housing,
            NeedsMask = last?.NeedsMask ?? 0, WantsMask = last?.WantsMask ?? 0,
            SharedWithGroup = last?.SharedWithGroup ?? SharedParts.Goals | SharedParts.NeedsAndWants,
            Income = last?.Income.Select(i => new IncomeLine { Source = i.Source, Amount = i.Amount }).ToList() ?? [],
            // A goal reached last month is done: it does not come back to be reported again.
            Goals = last?.Goals.Where(g => g.Percent < 100).Select(g => new GoalProgress { GoalId = g.GoalId, Percent = g.Percent }).ToList() ?? [],
        };
        return await ToViewAsync(draft, place, month, prefilled: last is not null, ct);
    }

    /// <summary>Creates or replaces a month's check-in (the same input twice gives the same result).</summary>
    public async Task<Outcome<CheckInView>> SaveAsync(Viewer viewer, Guid householdId, Month month, CheckInInput input, CancellationToken ct = default)
    {
        var target = await SaveTargetOf(db, householdId, month.Period, ct);
        if (target is null) return Failure.NotFound;
        var place = target.Place;
        if (!viewer.IsMemberOf(householdId)) return viewer.Refusal(place.CommunityId);
        if (month.Year < 2000 || month.Number is < 1 or > 12) return Failure.InvalidMonth;
        var now = clock.GetUtcNow();
        var state = month.StateAt(now, place.TimeZone);
        if (state == MonthState.Future) return Failure.MonthInFuture;
        var names = new Dictionary<Guid, string>();
        if (await ValidateAsync(place, input, names, ct) is { } failure) return failure;

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var (saved, goals) = await WriteAsync(viewer, target, month, state, input, now, ct);
                // The answer is built from what was just written: reading it back would double the work of a save.
                return ToView(saved, place, month, prefilled: false, goals, names);
            }
            catch (DbUpdateException e) when (attempt < MaxAttempts)
            {
                db.ChangeTracker.Clear();
                // Another save of the same month landed first: it created the month this one meant to
                // create, or changed the check-in this one read. This one saves again on what is there,
                // as a replacement; each lost race means another save got through, so a household's
                // members saving at once all finish. Any other failure would fail again: it goes out.
                var lostRace = e is DbUpdateConcurrencyException
                    || (!target.MonthSaved && await db.CheckIns.AnyAsync(c => c.HouseholdId == householdId && c.Period == month.Period, ct));
                if (!lostRace) throw;
                target = target with { MonthSaved = true };
            }
        }
    }

    /// <returns>The check-in as saved, and the goals its view shows: open ones and those it reported on.</returns>
    private async Task<(CheckIn CheckIn, List<Goal> Goals)> WriteAsync(Viewer viewer, SaveTarget target, Month month, MonthState state, CheckInInput input,
        DateTimeOffset now, CancellationToken ct)
    {
        var place = target.Place;
        var checkIn = target.MonthSaved ? await LoadAsync(place.Id, month.Period, tracked: true, ct) : null;
        var isNew = checkIn is null;
        var before = checkIn is null ? null : CheckInContent.Fingerprint(checkIn, checkIn.Income, checkIn.Help, checkIn.Goals);
        if (checkIn is null)
        {
            checkIn = new CheckIn
            {
                HouseholdId = place.Id, CommunityId = place.CommunityId, GroupId = place.GroupId, Period = month.Period,
                Currency = place.Currency, CreatedAt = now,
            };
            db.CheckIns.Add(checkIn);
        }
        else
        {
            db.IncomeLines.RemoveRange(checkIn.Income);
            db.HelpExchanges.RemoveRange(checkIn.Help);
            db.GoalProgress.RemoveRange(checkIn.Goals);
            checkIn.Income = [];
            checkIn.Help = [];
            checkIn.Goals = [];
        }

        var income = (input.Income ?? []).GroupBy(i => i.Source)
            .Select(g => new IncomeLine { CheckInId = checkIn.Id, Source = g.Key, Amount = g.Sum(i => i.Amount) }).ToList();
        // Children are added to their sets, not the tracked parent's lists: their keys are set already,
        // which EF would otherwise read as rows to update.
        db.IncomeLines.AddRange(income);
        checkIn.SavingsBalance = input.SavingsBalance;
        checkIn.Debts = input.Debts;
        checkIn.HealthRating = input.HealthRating;
        checkIn.HealthNotes = Clean(input.HealthNotes);
        checkIn.EducationNotes = Clean(input.EducationNotes);
        checkIn.Housing = input.Housing;
        checkIn.HousingNotes = Clean(input.HousingNotes);
        checkIn.LeadershipNotes = Clean(input.LeadershipNotes);
        checkIn.MeetingsLed = input.MeetingsLed;
        checkIn.NeedsMask = Mask(input.Needs);
        checkIn.WantsMask = Mask(input.Wants);
        checkIn.NeedsNotes = Clean(input.NeedsNotes);
        checkIn.WhatsNew = Clean(input.WhatsNew);
        checkIn.SharedWithGroup = input.SharedWithGroup & AllParts;
        var help = (input.Help ?? []).Select(h => new HelpExchange
        {
            CheckInId = checkIn.Id, Direction = h.Direction, Kind = h.Kind, OtherHouseholdId = h.OtherHouseholdId,
            OtherDescription = h.OtherHouseholdId is null ? Clean(h.OtherDescription) : null, Value = h.Value,
        }).ToList();
        db.HelpExchanges.AddRange(help);
        CheckInSummary.Summarise(income, help).ApplyTo(checkIn);

        // A new goal named like an open one is that goal, so saving the same check-in twice adds nothing;
        // one goal named twice in a save is one goal, with the last progress given.
        var openGoals = new List<Goal>();
        await foreach (var goal in OpenGoals(db, place.Id).WithCancellation(ct)) openGoals.Add(goal);
        var shownGoals = openGoals.ToList();
        var progress = new Dictionary<Guid, int>();
        var goalsChanged = false;
        foreach (var entry in input.Goals ?? [])
        {
            var name = entry.Name?.Trim();
            var goal = entry.GoalId is { } id
                ? openGoals.FirstOrDefault(g => g.Id == id) ?? await ClosedGoalAsync(id)
                : openGoals.FirstOrDefault(g => string.Equals(g.Name, name, StringComparison.CurrentCultureIgnoreCase));
            if (goal is null)
            {
                goal = new Goal { HouseholdId = place.Id, Name = name!, CreatedAt = now };
                db.Goals.Add(goal);
                openGoals.Add(goal);
                shownGoals.Add(goal);
                goalsChanged = true;
            }
            else if (!string.IsNullOrWhiteSpace(name) && !string.Equals(goal.Name, name, StringComparison.Ordinal))
            {
                goal.Name = name;
                goalsChanged = true;
            }
            if (entry.Percent is { } percent)
            {
                progress[goal.Id] = percent;
                if (percent >= 100 && goal.ClosedAt is null)
                {
                    goal.ClosedAt = now;
                    goalsChanged = true;
                }
            }
        }
        var reported = progress.Select(p => new GoalProgress { CheckInId = checkIn.Id, GoalId = p.Key, Percent = p.Value }).ToList();
        db.GoalProgress.AddRange(reported);

        async Task<Goal> ClosedGoalAsync(Guid id)
        {
            var closed = await db.Goals.FirstAsync(g => g.Id == id, ct);
            shownGoals.Add(closed);
            return closed;
        }

        // The same check-in sent again (a retry, a double tap) changes nothing: no write, no correction.
        if (!goalsChanged && before == CheckInContent.Fingerprint(checkIn, income, help, reported))
        {
            db.ChangeTracker.Clear();
        }
        else
        {
            checkIn.UpdatedAt = now;
            checkIn.Version++;
            checkIn.RecordedById = viewer.PersonId;
            if (state == MonthState.Closed)
            {
                checkIn.Corrections++;
                db.CheckInCorrections.Add(new CheckInCorrection
                {
                    CheckInId = checkIn.Id, At = now, ById = viewer.PersonId,
                    Summary = isNew ? "recorded after the month closed" : "changed after the month closed",
                });
            }
            // Other features' reactions (the orientation checklist's tick) are saved with the check-in.
            await events.PublishAsync(new CheckInSaved(place.Id, place.CommunityId, place.GroupId, month, viewer.PersonId, isNew,
                target.OrientationPending, now), ct);
            await db.SaveChangesAsync(ct);
        }
        checkIn.Income = income;
        checkIn.Help = help;
        checkIn.Goals = reported;
        return (checkIn, shownGoals.Where(g => g.ClosedAt == null || progress.ContainsKey(g.Id)).ToList());
    }

    /// <summary>What is wrong with the input, if anything; fills in the names of the households its help entries name.</summary>
    private async Task<Failure?> ValidateAsync(Place place, CheckInInput input, Dictionary<Guid, string> names, CancellationToken ct)
    {
        static bool Amount(long? a) => a is null or (>= 0 and <= MaxAmount);
        if (!Amount(input.SavingsBalance) || !Amount(input.Debts)) return Failure.AmountOutOfRange;
        foreach (var i in input.Income ?? [])
        {
            if (!Enum.IsDefined(i.Source) || !Amount(i.Amount)) return Failure.AmountOutOfRange;
        }
        if ((input.Income ?? []).GroupBy(i => i.Source).Any(g => g.Sum(i => i.Amount) > MaxAmount)) return Failure.AmountOutOfRange;
        if (input.HealthRating is not null and (< 1 or > 5)) return Failure.InvalidRating;
        if (input.MeetingsLed is not null and (< 0 or > 1000)) return Failure.AmountOutOfRange;
        if (input.Housing is { } housing && !Enum.IsDefined(housing)) return Failure.InvalidHelp;
        string?[] texts = [input.HealthNotes, input.EducationNotes, input.HousingNotes, input.LeadershipNotes, input.NeedsNotes, input.WhatsNew];
        if (texts.Any(t => t is { Length: > CheckIn.NotesMaxLength })) return Failure.TextTooLong;
        if ((input.Needs ?? []).Concat(input.Wants ?? []).Any(n => !Enum.IsDefined(n))) return Failure.InvalidHelp;

        var help = input.Help ?? [];
        if (help.Count > MaxHelpEntries) return Failure.InvalidHelp;
        foreach (var h in help)
        {
            if (!Enum.IsDefined(h.Direction) || !Enum.IsDefined(h.Kind)) return Failure.InvalidHelp;
            if (!Amount(h.Value)) return Failure.AmountOutOfRange;
            if (h.OtherHouseholdId is null && string.IsNullOrWhiteSpace(h.OtherDescription)) return Failure.InvalidHelp;
            if (h.OtherDescription is { Length: > HelpExchange.DescriptionMaxLength }) return Failure.TextTooLong;
            if (h.OtherHouseholdId == place.Id) return Failure.InvalidHelp;
        }
        var others = help.Where(h => h.OtherHouseholdId is not null).Select(h => h.OtherHouseholdId!.Value).Distinct().ToList();
        if (others.Count > 0)
        {
            foreach (var h in await db.Households.AsNoTracking().Where(h => others.Contains(h.Id) && h.CommunityId == place.CommunityId)
                         .Select(h => new { h.Id, h.Name }).ToListAsync(ct))
            {
                names[h.Id] = h.Name;
            }
            if (names.Count != others.Count) return Failure.InvalidHelp;
        }

        var goals = input.Goals ?? [];
        foreach (var g in goals)
        {
            if (g.Percent is not null and (< 0 or > 100)) return Failure.InvalidGoal;
            if (g.Name is { Length: > Goal.NameMaxLength }) return Failure.TextTooLong;
            if (g.GoalId is null && string.IsNullOrWhiteSpace(g.Name)) return Failure.InvalidGoal;
        }
        var goalIds = goals.Where(g => g.GoalId is not null).Select(g => g.GoalId!.Value).Distinct().ToList();
        if (goalIds.Count > 0 && await db.Goals.CountAsync(g => goalIds.Contains(g.Id) && g.HouseholdId == place.Id, ct) != goalIds.Count)
            return Failure.InvalidGoal;
        if (goals.All(g => g.GoalId is not null)) return null;
        var open = await db.Goals.Where(g => g.HouseholdId == place.Id && g.ClosedAt == null).Select(g => g.Name).ToListAsync(ct);
        var added = goals.Where(g => g.GoalId is null).Select(g => g.Name!.Trim())
            .Where(n => !open.Contains(n, StringComparer.CurrentCultureIgnoreCase)).Distinct(StringComparer.CurrentCultureIgnoreCase).Count();
        if (open.Count + added > MaxActiveGoals) return Failure.InvalidGoal;
        return null;
    }

    /// <summary>The month it is now where the household's community lives.</summary>
    public async Task<Month?> CurrentMonthAsync(Guid householdId, CancellationToken ct = default)
    {
        var place = await PlaceAsync(householdId, ct);
        return place is null ? null : Month.Current(clock.GetUtcNow(), place.TimeZone);
    }

    /// <summary>
    /// Households this one can pick by name in its connections: its own group, and any household it
    /// has named before. Kept short so the form stays light on a phone in a community of thousands.
    /// </summary>
    public async Task<Outcome<IReadOnlyList<HouseholdChoice>>> NeighboursAsync(Viewer viewer, Guid householdId, CancellationToken ct = default)
    {
        var place = await PlaceAsync(householdId, ct);
        if (place is null) return Failure.NotFound;
        if (!viewer.IsMemberOf(householdId)) return viewer.Refusal(place.CommunityId);
        var named = db.HelpExchanges.Where(h => h.OtherHouseholdId != null
                && db.CheckIns.Any(c => c.Id == h.CheckInId && c.HouseholdId == householdId))
            .Select(h => h.OtherHouseholdId!.Value);
        var rows = await db.Households.AsNoTracking()
            .Where(h => h.CommunityId == place.CommunityId && h.Id != householdId
                && ((place.GroupId != null && h.GroupId == place.GroupId) || named.Contains(h.Id)))
            .OrderBy(h => h.GroupId == place.GroupId ? 0 : 1).ThenBy(h => h.Name)
            .Take(MaxNeighbours)
            .Select(h => new HouseholdChoice(h.Id, h.Name)).ToListAsync(ct);
        return rows;
    }

    public const int MaxNeighbours = 40;
    public const int MaxFound = 20;

    /// <summary>
    /// Households of the community whose name starts with what was typed (any case), for naming
    /// someone outside the group in a community of thousands; also the ones named by id in <paramref name="keep"/>,
    /// so a choice already made stays in the list.
    /// </summary>
    public async Task<Outcome<IReadOnlyList<HouseholdChoice>>> FindHouseholdsAsync(Viewer viewer, Guid householdId, string? name,
        IReadOnlyCollection<Guid> keep, CancellationToken ct = default)
    {
        var place = await PlaceAsync(householdId, ct);
        if (place is null) return Failure.NotFound;
        if (!viewer.IsMemberOf(householdId)) return viewer.Refusal(place.CommunityId);
        var start = name?.Trim().ToLowerInvariant() ?? "";
        if (start.Length == 0 && keep.Count == 0) return Array.Empty<HouseholdChoice>();
        var kept = keep.Take(MaxHelpEntries).ToList();
        // lower(Name) LIKE 'start%' in SQL on both providers; a StringComparison overload would not translate.
#pragma warning disable CA1862
        var rows = await db.Households.AsNoTracking()
            .Where(h => h.CommunityId == place.CommunityId && h.Id != householdId
                && ((start.Length > 0 && h.Name.ToLower().StartsWith(start)) || kept.Contains(h.Id)))
            .OrderBy(h => h.Name).Take(MaxFound + kept.Count)
            .Select(h => new HouseholdChoice(h.Id, h.Name)).ToListAsync(ct);
#pragma warning restore CA1862
        return rows;
    }

    private const SharedParts AllParts = SharedParts.Goals | SharedParts.NeedsAndWants | SharedParts.Income | SharedParts.Savings
        | SharedParts.Health | SharedParts.Education | SharedParts.Housing | SharedParts.Leadership | SharedParts.Connections | SharedParts.WhatsNew;

    private static int Mask(IReadOnlyList<NeedCategory>? categories) => (categories ?? []).Aggregate(0, (m, c) => m | 1 << (int)c);

    public static IReadOnlyList<NeedCategory> FromMask(int mask) =>
        Enum.GetValues<NeedCategory>().Where(c => (mask & 1 << (int)c) != 0).ToList();

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private Task<Place?> PlaceAsync(Guid householdId, CancellationToken ct) => PlaceOf(db, householdId, ct);

    // The queries every save runs are compiled once: finding a query's cached plan (hashing and comparing
    // its expression tree) cost more than running it on SQLite.
    private static readonly Func<MutuaDbContext, Guid, CancellationToken, Task<Place?>> PlaceOf = EF.CompileAsyncQuery(
        (MutuaDbContext db, Guid householdId, CancellationToken ct) => db.Households.AsNoTracking().Where(h => h.Id == householdId)
            .Select(h => new Place(h.Id, h.CommunityId, h.GroupId, h.Community!.Currency, h.Community.TimeZone))
            .FirstOrDefault());

    private static readonly Func<MutuaDbContext, Guid, int, CancellationToken, Task<SaveTarget?>> SaveTargetOf = EF.CompileAsyncQuery(
        (MutuaDbContext db, Guid householdId, int period, CancellationToken ct) => db.Households.AsNoTracking().Where(h => h.Id == householdId)
            .Select(h => new SaveTarget(
                new Place(h.Id, h.CommunityId, h.GroupId, h.Community!.Currency, h.Community.TimeZone),
                db.CheckIns.Any(c => c.HouseholdId == h.Id && c.Period == period),
                db.HouseholdMembers.Any(m => m.HouseholdId == h.Id
                    && db.Orientations.Any(o => o.PersonId == m.PersonId && o.CommunityId == h.CommunityId && o.FirstCheckInAt == null))))
            .FirstOrDefault());

    private static readonly Func<MutuaDbContext, Guid, int, CancellationToken, Task<CheckIn?>> TrackedCheckIn = EF.CompileAsyncQuery(
        (MutuaDbContext db, Guid householdId, int period, CancellationToken ct) =>
            db.CheckIns.FirstOrDefault(c => c.HouseholdId == householdId && c.Period == period));

    private static readonly Func<MutuaDbContext, Guid, IAsyncEnumerable<Goal>> OpenGoals = EF.CompileAsyncQuery(
        (MutuaDbContext db, Guid householdId) => db.Goals.Where(g => g.HouseholdId == householdId && g.ClosedAt == null));

    private async Task<CheckIn?> LoadAsync(Guid householdId, int period, bool tracked, CancellationToken ct)
    {
        if (!tracked)
        {
            return await db.CheckIns.Include(c => c.Income).Include(c => c.Help).Include(c => c.Goals).AsSplitQuery().AsNoTracking()
                .FirstOrDefaultAsync(c => c.HouseholdId == householdId && c.Period == period, ct);
        }
        var checkIn = await TrackedCheckIn(db, householdId, period, ct);
        if (checkIn is null) return null;
        await db.Entry(checkIn).Collection(c => c.Income).LoadAsync(ct);
        await db.Entry(checkIn).Collection(c => c.Help).LoadAsync(ct);
        await db.Entry(checkIn).Collection(c => c.Goals).LoadAsync(ct);
        return checkIn;
    }

    private async Task<CheckInView> ToViewAsync(CheckIn c, Place place, Month month, bool prefilled, CancellationToken ct)
    {
        var reported = c.Goals.Select(p => p.GoalId).ToList();
        var goals = await db.Goals.AsNoTracking()
            .Where(g => g.HouseholdId == place.Id && (g.ClosedAt == null || reported.Contains(g.Id)))
            .ToListAsync(ct);
        var otherIds = c.Help.Where(h => h.OtherHouseholdId is not null).Select(h => h.OtherHouseholdId!.Value).Distinct().ToList();
        var names = otherIds.Count == 0 ? new Dictionary<Guid, string>()
            : await db.Households.AsNoTracking().Where(h => otherIds.Contains(h.Id)).ToDictionaryAsync(h => h.Id, h => h.Name, ct);
        return ToView(c, place, month, prefilled, goals, names);
    }

    /// <param name="goals">The goals to show, in the order they were set.</param>
    /// <param name="names">Names of the households the help entries name.</param>
    private CheckInView ToView(CheckIn c, Place place, Month month, bool prefilled, IReadOnlyList<Goal> goals, IReadOnlyDictionary<Guid, string> names)
    {
        var progress = c.Goals.ToDictionary(g => g.GoalId, g => g.Percent);
        // Goals set in one check-in share their time: the name keeps their order the same on every reading.
        var openGoals = goals.OrderBy(g => g.CreatedAt).ThenBy(g => g.Name, StringComparer.Ordinal).Select(g => new { g.Id, g.Name }).ToList();
        return new CheckInView
        {
            HouseholdId = place.Id, Month = month.ToString(), State = month.StateAt(clock.GetUtcNow(), place.TimeZone), Currency = place.Currency,
            Income = c.Income.OrderBy(i => i.Source).Select(i => new IncomeEntry(i.Source, i.Amount)).ToList(),
            IncomeTotal = CheckInSummary.Summarise(c.Income, c.Help).IncomeTotal, SavingsBalance = c.SavingsBalance, Debts = c.Debts,
            HealthRating = c.HealthRating, HealthNotes = c.HealthNotes, EducationNotes = c.EducationNotes, Housing = c.Housing,
            HousingNotes = c.HousingNotes, LeadershipNotes = c.LeadershipNotes, MeetingsLed = c.MeetingsLed,
            Help = c.Help.OrderBy(h => h.Direction).ThenBy(h => h.Kind).Select(h => new HelpView(h.Direction, h.Kind, h.OtherHouseholdId,
                h.OtherHouseholdId is { } o ? names.GetValueOrDefault(o) : null, h.OtherDescription, h.Value)).ToList(),
            Goals = openGoals.Select(g => new GoalView(g.Id, g.Name, progress.TryGetValue(g.Id, out var p) ? p : null)).ToList(),
            Needs = FromMask(c.NeedsMask), Wants = FromMask(c.WantsMask), NeedsNotes = c.NeedsNotes, WhatsNew = c.WhatsNew,
            SharedWithGroup = c.SharedWithGroup,
            UpdatedAt = prefilled || c.UpdatedAt == default ? null : c.UpdatedAt, Corrections = c.Corrections, Prefilled = prefilled,
        };
    }
}
