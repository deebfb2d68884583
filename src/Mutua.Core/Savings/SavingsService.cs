using Microsoft.EntityFrameworkCore;
using Mutua.Core.Auditing;
using Mutua.Core.Communities;

namespace Mutua.Core.Savings;

/// <summary>A savings group as a list shows it, for the groups a person belongs to.</summary>
public sealed record SavingsGroupSummary(Guid Id, Guid CommunityId, string Name, SavingsGroupKind Kind, string Currency, int Members,
    bool IsOfficer);

/// <summary>
/// Savings groups (issue 14): making one, recording its meetings, its members' passbooks and its share-out. Only the
/// group's members read its books; only its officers (the creator is the first secretary) write them. Every figure is
/// summed from the journal (<see cref="SavingsBooks"/>) and worked out by <see cref="SavingsKernel"/>. A meeting is
/// written in one save (one transaction) or not at all; with an idempotency key, the same meeting sent again by the
/// same person for the same group is recorded once.
/// </summary>
public sealed class SavingsService(MutuaDbContext db, Events events, TimeProvider clock)
{
    private const int Attempts = 4;

    // ---- reading

    /// <summary>The groups the person is a member of.</summary>
    public async Task<IReadOnlyList<SavingsGroupSummary>> GroupsAsync(Viewer viewer, CancellationToken ct = default)
    {
        if (!viewer.IsSignedIn) return [];
        var groups = await db.SavingsMembers.AsNoTracking()
            .Where(m => m.PersonId == viewer.PersonId && m.LeftAt == null)
            .Join(db.SavingsGroups, m => m.GroupId, g => g.Id, (m, g) => g)
            .OrderBy(g => g.Name)
            .Select(g => new
            {
                g.Id, g.CommunityId, g.Name, g.Kind, g.Currency,
                Members = db.SavingsMembers.Count(x => x.GroupId == g.Id && x.LeftAt == null),
                IsOfficer = db.SavingsOfficers.Any(o => o.GroupId == g.Id && o.PersonId == viewer.PersonId && o.EndedAt == null),
            })
            .ToListAsync(ct);
        return [.. groups.Select(g => new SavingsGroupSummary(g.Id, g.CommunityId, g.Name, g.Kind, g.Currency, g.Members, g.IsOfficer))];
    }

    /// <summary>
    /// The person's own savings in the savings groups of one currency they belong to: the value of their shares of the
    /// open cycle, summed in the database from the journal (reversals included), for a check-in to take with one tap.
    /// Rotating groups keep no savings between rounds and are left out.
    /// </summary>
    public async Task<IReadOnlyList<OwnSavings>> OwnSavingsAsync(Viewer viewer, string currency, CancellationToken ct = default)
    {
        if (!viewer.IsSignedIn) return [];
        var person = viewer.PersonId;
        var open = await db.SavingsMembers.AsNoTracking()
            .Where(m => m.PersonId == person && m.LeftAt == null)
            .Join(db.SavingsGroups.Where(g => g.Kind == SavingsGroupKind.Vsla && g.Currency == currency), m => m.GroupId, g => g.Id, (m, g) => g)
            .Join(db.SavingsCycles.Where(c => c.ClosedAt == null), g => g.Id, c => c.GroupId, (g, c) => new { g.Id, g.Name, Cycle = c.Id })
            .ToListAsync(ct);
        if (open.Count == 0) return [];
        var cycles = open.Select(o => o.Cycle).ToList();
        var sums = await db.SavingsEntries.AsNoTracking()
            .Where(e => cycles.Contains(e.CycleId) && e.PersonId == person
                && (e.CreditAccount == SavingsAccount.Savings || e.DebitAccount == SavingsAccount.Savings))
            .GroupBy(e => e.CycleId)
            .Select(g => new { Cycle = g.Key, Savings = g.Sum(e => e.CreditAccount == SavingsAccount.Savings ? e.Amount : -e.Amount) })
            .ToDictionaryAsync(x => x.Cycle, x => x.Savings, ct);
        return [.. open.OrderBy(o => o.Name, StringComparer.CurrentCultureIgnoreCase).Select(o => new OwnSavings(o.Id, o.Name, sums.GetValueOrDefault(o.Cycle)))];
    }

    public async Task<Outcome<SavingsGroupView>> GetGroupAsync(Viewer viewer, Guid groupId, CancellationToken ct = default)
    {
        var state = await LoadAsync(groupId, ct);
        if (state is null || !state.IsMember(viewer.PersonId)) return Refusal;
        return await ViewAsync(state, viewer, ct);
    }

    /// <summary>A member's passbook for the open cycle. Every member of the group may read every member's passbook, as in the paper notebook.</summary>
    public async Task<Outcome<Passbook>> PassbookAsync(Viewer viewer, Guid groupId, Guid personId, CancellationToken ct = default)
    {
        var state = await LoadAsync(groupId, ct);
        if (state is null || !state.IsMember(viewer.PersonId)) return Refusal;
        if (!state.Members.Any(m => m.PersonId == personId)) return Failure.NotFound;
        var cycle = state.Cycle.Id;
        var books = state.Books;
        var today = await TodayAsync(state.Group.CommunityId, ct);
        var loans = state.Loans.Where(l => l.PersonId == personId).Select(l => LoanView(state, l, today)).ToList();
        var preview = ShareOutOf(state);
        var lines = state.Entries.Where(e => e.PersonId == personId).Select(e => new PassbookLine(e.Id, e.Date,
            e.MeetingId is { } m ? state.MeetingNumbers.GetValueOrDefault(m) : null, e.Kind,
            e.Amount, e.Shares, e.LoanId, e.Reason, e.ReversesId is not null || state.Reversed.Contains(e.Id))).ToList();
        var effective = state.Effective.Where(e => e.PersonId == personId).ToList();
        var savings = books.SavingsOf(cycle, personId);
        var name = await db.Users.Where(u => u.Id == personId).Select(u => u.FirstName).FirstOrDefaultAsync(ct) ?? "—";
        return new Passbook(state.Group.Id, state.Group.Name, personId, name, state.Group.Currency, cycle, books.SharesOf(cycle, personId), savings,
            state.Cycle.SharePrice, SavingsKernel.LoanLimit(savings, loans.Sum(l => l.Outstanding), state.Cycle.LoanMultiple), loans,
            effective.Where(e => e.Kind == SavingsEntryKind.ServiceCharge).Sum(e => e.Amount),
            effective.Where(e => e.Kind == SavingsEntryKind.Fine).Sum(e => e.Amount),
            effective.Where(e => e.Kind == SavingsEntryKind.SocialFundContribution).Sum(e => e.Amount),
            preview.Lines.FirstOrDefault(l => l.PersonId == personId)?.Payout ?? 0, lines);
    }

    /// <summary>
    /// One recorded meeting, any cycle's, as its page in the paper notebook (the group's members, as for the passbook):
    /// read from the journal entries written at it, with its attendance and the loans it approved. An entry a later
    /// meeting corrected stays on the sheet, marked, as a struck-through line stays on paper.
    /// </summary>
    public async Task<Outcome<MeetingSheet>> MeetingSheetAsync(Viewer viewer, Guid groupId, int number, CancellationToken ct = default)
    {
        if (!viewer.IsSignedIn) return Refusal;
        var group = await db.SavingsGroups.AsNoTracking().FirstOrDefaultAsync(g => g.Id == groupId, ct);
        if (group is null || !await db.SavingsMembers.AnyAsync(m => m.GroupId == groupId && m.PersonId == viewer.PersonId, ct)) return Refusal;
        var meeting = await db.SavingsMeetings.AsNoTracking().FirstOrDefaultAsync(m => m.GroupId == groupId && m.Number == number, ct);
        if (meeting is null) return Failure.NotFound;
        var cycleNumber = await db.SavingsCycles.Where(c => c.Id == meeting.CycleId).Select(c => c.Number).FirstAsync(ct);
        var attendance = await db.SavingsAttendance.AsNoTracking().Where(a => a.MeetingId == meeting.Id).ToListAsync(ct);
        // A share-out meeting writes the next cycle's opening entries too: they are its entries all the same.
        var entries = await db.SavingsEntries.AsNoTracking().Where(e => e.GroupId == groupId && e.MeetingId == meeting.Id)
            .OrderBy(e => e.Sequence).ToListAsync(ct);
        var ids = entries.Select(e => (Guid?)e.Id).ToList();
        var corrected = (await db.SavingsEntries.Where(e => ids.Contains(e.ReversesId)).Select(e => e.ReversesId!.Value).ToListAsync(ct)).ToHashSet();
        var taken = entries.Where(e => e.ReversesId is not null).Select(e => e.ReversesId!.Value).ToList();
        var originals = await db.SavingsEntries.Where(e => taken.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Kind, ct);
        var loanIds = entries.Where(e => e.Kind == SavingsEntryKind.Disbursement && e.LoanId is not null).Select(e => e.LoanId!.Value).ToList();
        var loans = await db.SavingsLoans.AsNoTracking().Where(l => loanIds.Contains(l.Id)).ToDictionaryAsync(l => l.Id, ct);
        var people = attendance.Select(a => a.PersonId).Concat(entries.Where(e => e.PersonId is not null).Select(e => e.PersonId!.Value))
            .Append(meeting.RecordedById).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => people.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.FirstName, ct);
        string Name(Guid? person) => person is { } p ? names.GetValueOrDefault(p) ?? "—" : "—";
        MeetingSheetLine Line(SavingsEntry e) => new(e.Id, e.PersonId, e.PersonId is null ? null : Name(e.PersonId), e.Kind, e.Amount, e.Shares,
            e.Reason, corrected.Contains(e.Id), e.ReversesId is { } r && originals.TryGetValue(r, out var kind) ? kind : null);
        List<MeetingSheetLine> Of(params SavingsEntryKind[] kinds) => [.. entries.Where(e => kinds.Contains(e.Kind)).Select(Line)];

        var shown = new[]
        {
            SavingsEntryKind.SharePurchase, SavingsEntryKind.Contribution, SavingsEntryKind.SocialFundContribution, SavingsEntryKind.SocialFundPayout,
            SavingsEntryKind.Disbursement, SavingsEntryKind.RepaymentPrincipal, SavingsEntryKind.ServiceCharge, SavingsEntryKind.Fine,
            SavingsEntryKind.BoxDifference,
        };
        var repayments = entries.Where(e => e.Kind is SavingsEntryKind.RepaymentPrincipal or SavingsEntryKind.ServiceCharge && e.LoanId is not null)
            .GroupBy(e => e.LoanId!.Value)
            .Select(g => new MeetingRepaymentLine(g.Key, g.First().PersonId ?? Guid.Empty, Name(g.First().PersonId),
                g.Where(e => e.Kind == SavingsEntryKind.RepaymentPrincipal).Sum(e => e.Amount),
                g.Where(e => e.Kind == SavingsEntryKind.ServiceCharge).Sum(e => e.Amount), g.Any(e => corrected.Contains(e.Id))))
            .ToList();
        var disbursed = entries.Where(e => e.Kind == SavingsEntryKind.Disbursement && e.LoanId is { } id && loans.ContainsKey(id))
            .Select(e => { var l = loans[e.LoanId!.Value]; return new MeetingLoanLine(l.Id, l.PersonId, Name(l.PersonId), e.Amount, l.Months, l.DueOn, corrected.Contains(e.Id)); })
            .ToList();
        // The difference was recorded as an entry: cash over the records went into the loan fund, cash short came out of it.
        var difference = entries.Where(e => e.Kind == SavingsEntryKind.BoxDifference)
            .Sum(e => e.DebitAccount == SavingsAccount.LoanFund ? e.Amount : -e.Amount);
        var count = await db.SavingsMeetings.CountAsync(m => m.GroupId == groupId, ct);
        return new MeetingSheet(group.Id, group.Name, group.Kind, group.Currency, meeting.Id, meeting.Number, cycleNumber, meeting.Date,
            Name(meeting.RecordedById),
            [.. attendance.Select(a => new MeetingAttendanceLine(a.PersonId, Name(a.PersonId), a.Status))
                .OrderBy(a => a.FirstName, StringComparer.InvariantCultureIgnoreCase).ThenBy(a => a.PersonId)],
            Of(SavingsEntryKind.SharePurchase, SavingsEntryKind.Contribution), Of(SavingsEntryKind.SocialFundContribution),
            Of(SavingsEntryKind.SocialFundPayout), disbursed, repayments, Of(SavingsEntryKind.Fine),
            [.. entries.Where(e => !shown.Contains(e.Kind)).Select(Line)],
            meeting.BoxCash, meeting.BoxCash - difference, difference,
            number > 1 ? number - 1 : null, number < count ? number + 1 : null);
    }

    /// <summary>What the share-out would pay if the cycle closed now (loans still owed counted as repaid).</summary>
    public async Task<Outcome<ShareOutView>> ShareOutPreviewAsync(Viewer viewer, Guid groupId, CancellationToken ct = default)
    {
        var state = await LoadAsync(groupId, ct);
        if (state is null || !state.IsMember(viewer.PersonId)) return Refusal;
        return await ShareOutViewOf(state, ShareOutOf(state), state.IsOfficer(viewer.PersonId), ct);
    }

    /// <summary>Today where the group's community lives (a share-out sent without a date is today's), or null for no such group.</summary>
    public async Task<DateOnly?> TodayOfAsync(Guid groupId, CancellationToken ct = default)
    {
        var zone = await db.SavingsGroups.Where(g => g.Id == groupId)
            .Join(db.Communities, g => g.CommunityId, c => c.Id, (g, c) => c.TimeZone).FirstOrDefaultAsync(ct);
        return zone is null ? null : Today(clock.GetUtcNow(), zone);
    }

    // ---- writing

    public async Task<Outcome<SavingsGroupView>> CreateGroupAsync(Viewer viewer, NewSavingsGroup input, CancellationToken ct = default)
    {
        if (!viewer.IsSignedIn) return Failure.Forbidden;
        var community = await db.Communities.AsNoTracking().FirstOrDefaultAsync(c => c.Id == input.CommunityId, ct);
        if (community is null || !viewer.InCommunity(community.Id)) return Failure.NotFound;
        // A group is its members' own: only a person of a household of the community starts one (and is in it).
        if (viewer.HouseholdIn(community.Id) is null) return Failure.Forbidden;
        var name = input.Name?.Trim() ?? "";
        if (name.Length == 0) return Failure.NameRequired;
        if (name.Length > SavingsGroup.NameMaxLength) return Failure.NameTooLong;
        if (!Enum.IsDefined(input.Kind)) return Failure.InvalidConstitution;
        var constitution = Constitution(input.Constitution, input.Kind);
        if (!constitution.Succeeded) return constitution.Failure!.Value;

        // The creator is the group's first secretary, so a member of it.
        var people = (input.Members ?? []).Append(viewer.PersonId).Distinct().ToList();
        var (min, max) = SavingsGroup.MemberBounds(input.Kind);
        if (people.Count < min || people.Count > max) return Failure.SavingsMembersOutOfRange;
        var inCommunity = await PeopleInCommunityAsync(community.Id, people, ct);
        if (inCommunity.Count != people.Count) return Failure.NotSavingsMember;
        if (await db.SavingsGroups.AnyAsync(g => g.CommunityId == community.Id && g.Name == name, ct)) return Failure.NameTaken;

        var now = clock.GetUtcNow();
        var group = new SavingsGroup
        {
            CommunityId = community.Id, Name = name, Kind = input.Kind, Currency = community.Currency, CreatedById = viewer.PersonId,
            CreatedAt = now,
        };
        var cycle = constitution.Value!;
        cycle.GroupId = group.Id;
        cycle.Number = 1;
        cycle.StartedAt = now;
        cycle.StartedOn = Today(now, community.TimeZone);
        foreach (var f in cycle.Fines) f.CycleId = cycle.Id;
        db.SavingsGroups.Add(group);
        db.SavingsCycles.Add(cycle);
        db.SavingsMembers.AddRange(people.Select(p => new SavingsMember { GroupId = group.Id, PersonId = p, JoinedAt = now }));
        db.SavingsOfficers.Add(new SavingsOfficer { GroupId = group.Id, PersonId = viewer.PersonId, Role = SavingsOfficerRole.Secretary, ChosenAt = now });
        db.Record(now, viewer.PersonId, AuditActions.SavingsGroupCreated, community.Id, group.Id, $"{input.Kind} {people.Count}");
        await db.SaveChangesAsync(ct);
        return await GetGroupAsync(viewer, group.Id, ct);
    }

    /// <summary>
    /// Records a meeting: decisions first (members joining, the constitution, officers), then attendance, shares, social
    /// fund, fines, repayments, loans, social-fund payouts, write-offs, leavers and corrections, and last the box: cash
    /// counted against what the books say, a difference recorded as an entry. Any refusal writes nothing.
    /// </summary>
    public async Task<Outcome<MeetingRecord>> RecordMeetingAsync(Viewer viewer, Guid groupId, MeetingInput input, string? idempotencyKey = null,
        CancellationToken ct = default)
    {
        var key = string.IsNullOrWhiteSpace(idempotencyKey) ? null : idempotencyKey.Trim();
        if (key is { Length: > SavingsMeeting.IdempotencyKeyMaxLength }) return Failure.TextTooLong;
        return await RetriedAsync(() => RecordMeetingOnceAsync(viewer, groupId, input, key, ct));
    }

    /// <summary>
    /// A write to the books, tried again when another meeting of the group was saved at the same moment (the books' sequence
    /// is unique), or this one was, by a retry with the same key: the books are read again, and a repeat answers with the earlier one.
    /// </summary>
    private async Task<Outcome<T>> RetriedAsync<T>(Func<Task<Outcome<T>>> once)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await once();
            }
            catch (DbUpdateException) when (attempt < Attempts)
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task<Outcome<MeetingRecord>> RecordMeetingOnceAsync(Viewer viewer, Guid groupId, MeetingInput input, string? key,
        CancellationToken ct)
    {
        var state = await LoadAsync(groupId, ct, tracked: true);
        if (state is null || !state.IsMember(viewer.PersonId)) return Refusal;
        if (!state.IsOfficer(viewer.PersonId)) return Failure.Forbidden;
        if (key is not null && await EarlierMeetingAsync(groupId, viewer.PersonId, key, ct) is { } earlier)
        {
            var today0 = await TodayAsync(state.Group.CommunityId, ct);
            return new MeetingRecord(earlier.Id, groupId, earlier.Number, earlier.Date, earlier.BoxCash,
                BoxDifferenceOf(state, earlier.Id), Balances(state), [.. state.Loans.Select(l => LoanView(state, l, today0))], Repeated: true);
        }
        var community = await db.Communities.AsNoTracking().FirstAsync(c => c.Id == state.Group.CommunityId, ct);
        var now = clock.GetUtcNow();
        var today = Today(now, community.TimeZone);
        if (input.Date > today || input.Date < state.Cycle.StartedOn) return Failure.MeetingDateOutOfRange;
        if (input.BoxCash < 0) return Failure.AmountOutOfRange;

        var meeting = new SavingsMeeting
        {
            GroupId = groupId, CycleId = state.Cycle.Id, Number = state.MeetingCount + 1, Date = input.Date, BoxCash = input.BoxCash,
            RecordedById = viewer.PersonId, RecordedAt = now, IdempotencyKey = key,
        };
        db.SavingsMeetings.Add(meeting);
        // A box found short at an earlier meeting may have left a fund below zero: a meeting may not take it lower, but
        // may always bring money in (else one bad count would stop the group for good).
        var loanFundBefore = Math.Min(0, state.Books.LoanFundCash(state.Cycle.Id));
        var socialFundBefore = Math.Min(0, state.Books.SocialFundCash(state.Cycle.Id));
        var w = new Writer(db, state, meeting, viewer.PersonId, now);
        var decisions = input.Decisions ?? new MeetingDecisions();

        // Decisions that change who and what the rest of the meeting is about come first.
        foreach (var person in (decisions.Joining ?? []).Distinct())
        {
            if (state.IsActive(person)) return Failure.AlreadyMember;
            if ((await PeopleInCommunityAsync(community.Id, [person], ct)).Count == 0) return Failure.NotSavingsMember;
            var member = state.Members.FirstOrDefault(m => m.PersonId == person);
            if (member is null)
            {
                member = new SavingsMember { GroupId = groupId, PersonId = person, JoinedAt = now };
                db.SavingsMembers.Add(member);
                state.Members.Add(member);
            }
            else
            {
                member.LeftAt = null;
                member.LeftAtMeetingId = null;
            }
            w.Decide(SavingsDecisionKind.MemberJoined, "joined", person);
        }
        if (state.Members.Count(m => m.LeftAt == null) > SavingsGroup.MemberBounds(state.Group.Kind).Max) return Failure.SavingsMembersOutOfRange;
        if (decisions.Constitution is { } change)
        {
            var changed = Change(state.Cycle, change, state.Group.Kind);
            if (!changed.Succeeded) return changed.Failure!.Value;
            if (changed.Value is { Length: > 0 } text) w.Decide(SavingsDecisionKind.ConstitutionChanged, text);
        }
        foreach (var officer in decisions.Officers ?? [])
        {
            if (!state.IsActive(officer.PersonId)) return Failure.NotSavingsMember;
            if (!Enum.IsDefined(officer.Role)) return Failure.InvalidRole;
            foreach (var held in state.Officers.Where(o => o.Role == officer.Role && o.EndedAt == null)) held.EndedAt = now;
            var chosen = new SavingsOfficer { GroupId = groupId, PersonId = officer.PersonId, Role = officer.Role, ChosenAt = now };
            db.SavingsOfficers.Add(chosen);
            state.Officers.Add(chosen);
            w.Decide(SavingsDecisionKind.OfficerChosen, officer.Role.ToString(), officer.PersonId);
        }

        var attendance = input.Attendance ?? [];
        if (attendance.Select(a => a.PersonId).Distinct().Count() != attendance.Count || attendance.Any(a => !Enum.IsDefined(a.Status)))
            return Failure.InvalidAttendance;
        if (attendance.Any(a => !state.IsActive(a.PersonId))) return Failure.NotSavingsMember;
        db.SavingsAttendance.AddRange(attendance.Select(a => new SavingsAttendance { MeetingId = meeting.Id, PersonId = a.PersonId, Status = a.Status }));

        var cycle = state.Cycle;
        var shares = input.Shares ?? [];
        if (shares.Select(s => s.PersonId).Distinct().Count() != shares.Count) return Failure.TooManyShares;
        foreach (var s in shares)
        {
            if (!state.IsActive(s.PersonId)) return Failure.NotSavingsMember;
            var count = s.Payment is { } payment ? SavingsKernel.SharesFor(payment, cycle.SharePrice).Shares : s.Count;
            if (count < 0 || (s.Payment is { } p && p < 0)) return Failure.AmountOutOfRange;
            if (count > cycle.MaxSharesPerMeeting) return Failure.TooManyShares;
            if (count == 0) continue;
            if (state.Group.Kind == SavingsGroupKind.Rosca)
                // A rotating group's "share" is the round's contribution; it goes into the pot, not into savings.
                w.Enter(SavingsEntryKind.Contribution, SavingsAccount.Pot, SavingsAccount.Contributions, cycle.SharePrice, s.PersonId);
            else
                w.Enter(SavingsEntryKind.SharePurchase, SavingsAccount.LoanFund, SavingsAccount.Savings, count * cycle.SharePrice, s.PersonId, shares: count);
        }
        foreach (var c in input.SocialFund ?? [])
        {
            if (!state.IsActive(c.PersonId)) return Failure.NotSavingsMember;
            if (c.Amount <= 0) return Failure.AmountNotPositive;
            w.Enter(SavingsEntryKind.SocialFundContribution, SavingsAccount.SocialFundCash, SavingsAccount.SocialFund, c.Amount, c.PersonId);
        }
        foreach (var f in input.Fines ?? [])
        {
            if (!state.IsActive(f.PersonId)) return Failure.NotSavingsMember;
            if (f.Amount <= 0) return Failure.AmountNotPositive;
            if (Reason(f.Reason) is not { } reason) return Failure.TextTooLong;
            w.Enter(SavingsEntryKind.Fine, SavingsAccount.LoanFund, SavingsAccount.Income, f.Amount, f.PersonId, reason: reason);
        }
        foreach (var r in input.Repayments ?? [])
        {
            var loan = state.Loans.FirstOrDefault(l => l.Id == r.LoanId);
            if (loan is null || r.Principal < 0 || r.Charge < 0 || r.Principal + r.Charge == 0) return Failure.InvalidRepayment;
            if (r.Principal > state.Books.LoanOutstanding(loan.Id)) return Failure.InvalidRepayment;
            if (r.Principal > 0)
                w.Enter(SavingsEntryKind.RepaymentPrincipal, SavingsAccount.LoanFund, SavingsAccount.Loan, r.Principal, loan.PersonId, loan.Id);
            if (r.Charge > 0)
                w.Enter(SavingsEntryKind.ServiceCharge, SavingsAccount.LoanFund, SavingsAccount.Income, r.Charge, loan.PersonId, loan.Id);
        }
        var disbursed = new List<SavingsLoan>();
        foreach (var l in input.Loans ?? [])
        {
            if (state.Group.Kind != SavingsGroupKind.Vsla || !state.IsActive(l.PersonId)) return Failure.NotSavingsMember;
            var months = l.Months ?? cycle.MaxLoanMonths;
            var owed = state.Loans.Where(x => x.PersonId == l.PersonId).Sum(x => state.Books.LoanOutstanding(x.Id));
            var refused = SavingsKernel.CheckLoan(l.Amount, months, state.Books.SavingsOf(cycle.Id, l.PersonId), owed,
                state.Books.LoanFundCash(cycle.Id), cycle.LoanMultiple, cycle.MaxLoanMonths);
            if (refused is { } failure) return failure;
            if (l.ProjectId is { } projectId && !await IsBorrowersProjectAsync(projectId, l.PersonId, community.Id, ct)) return Failure.NotBorrowersProject;
            var loan = new SavingsLoan
            {
                GroupId = groupId, CycleId = cycle.Id, PersonId = l.PersonId, ApprovedAtMeetingId = meeting.Id, ApprovedOn = input.Date,
                Months = months, DueOn = input.Date.AddMonths(months), Principal = l.Amount, ProjectId = l.ProjectId,
                ServiceChargeBasisPoints = cycle.ServiceChargeBasisPoints, ServiceChargeBasis = cycle.ServiceChargeBasis,
            };
            db.SavingsLoans.Add(loan);
            state.Loans.Add(loan);
            disbursed.Add(loan);
            w.Enter(SavingsEntryKind.Disbursement, SavingsAccount.Loan, SavingsAccount.LoanFund, l.Amount, l.PersonId, loan.Id);
        }
        var paidOut = new List<ReasonedAmountInput>();
        foreach (var p in input.SocialFundPayouts ?? [])
        {
            if (!state.IsActive(p.PersonId)) return Failure.NotSavingsMember;
            if (p.Amount <= 0) return Failure.AmountNotPositive;
            if (Reason(p.Reason) is not { } reason) return Failure.TextTooLong;
            if (p.Amount > state.Books.SocialFundCash(cycle.Id)) return Failure.SocialFundShort;
            w.Enter(SavingsEntryKind.SocialFundPayout, SavingsAccount.SocialFund, SavingsAccount.SocialFundCash, p.Amount, p.PersonId, reason: reason);
            paidOut.Add(p);
        }
        foreach (var loanId in (decisions.WriteOffs ?? []).Distinct())
        {
            var loan = state.Loans.FirstOrDefault(l => l.Id == loanId);
            var owed = loan is null ? 0 : state.Books.LoanOutstanding(loan.Id);
            if (loan is null || owed <= 0) return Failure.InvalidRepayment;
            w.Enter(SavingsEntryKind.WriteOff, SavingsAccount.Losses, SavingsAccount.Loan, owed, loan.PersonId, loan.Id);
            w.Decide(SavingsDecisionKind.LoanWrittenOff, $"{owed}", loan.PersonId, loan.Id);
            db.Record(now, viewer.PersonId, AuditActions.SavingsLoanWrittenOff, community.Id, loan.Id, $"{owed} {state.Group.Currency}");
        }
        foreach (var leaving in decisions.Leaving ?? [])
        {
            var refused = Leave(state, w, leaving.PersonId, leaving.Payout, now);
            if (refused is { } failure) return failure;
        }
        foreach (var entryId in (decisions.Corrections ?? []).Distinct())
        {
            var entry = state.Entries.FirstOrDefault(e => e.Id == entryId);
            if (entry is null || entry.ReversesId is not null || state.Reversed.Contains(entry.Id)) return Failure.NotFound;
            w.Reverse(entry);
        }
        if (input.RoundPayout is { } round)
        {
            // Nobody receives twice in a cycle, and in a fixed or drawn order only the next one in it receives.
            if (state.Group.Kind != SavingsGroupKind.Rosca || !state.IsActive(round.PersonId)) return Failure.NotSavingsMember;
            var turns = await db.RoscaTurns.Where(t => t.CycleId == cycle.Id).OrderBy(t => t.Round).ToListAsync(ct);
            var pot = state.Books.Balance(SavingsAccount.Pot, cycle.Id);
            if (cycle.PayoutOrder == RoscaPayoutOrder.Bidding)
            {
                if (turns.Any(t => t.PersonId == round.PersonId)) return Failure.NotTheirTurn;
                if (round.Discount is not { } discount) return Failure.InvalidBid;
                var active = state.Members.Where(m => m.LeftAt == null).Select(m => m.PersonId).ToList();
                var bid = SavingsKernel.Bid(cycle.SharePrice, active.Count, discount, cycle.CommissionBasisPoints, cycle.DividendToWinner);
                if (bid.Value is not { } b) return bid.Failure!.Value;
                // The round pays out the whole pot of the members' contributions (what rounding leaves of the dividend stays in it).
                if (pot < b.Pot - b.Undivided) return Failure.PotShort;
                var number = turns.Count + 1;
                var why = $"round {number}";
                w.Enter(SavingsEntryKind.RoundPayout, SavingsAccount.RoundPayouts, SavingsAccount.Pot, b.WinnerReceives, round.PersonId, reason: why);
                if (b.Commission > 0) w.Enter(SavingsEntryKind.Commission, SavingsAccount.Commission, SavingsAccount.Pot, b.Commission, reason: why);
                if (b.DividendEach > 0)
                {
                    foreach (var person in active.Where(p => cycle.DividendToWinner || p != round.PersonId))
                        w.Enter(SavingsEntryKind.Dividend, SavingsAccount.RoundPayouts, SavingsAccount.Pot, b.DividendEach, person, reason: why);
                }
                db.RoscaTurns.Add(new RoscaTurn
                {
                    CycleId = cycle.Id, Round = number, PersonId = round.PersonId, PaidAtMeetingId = meeting.Id, Discount = discount,
                    DividendEach = b.DividendEach,
                });
            }
            else
            {
                if (round.Discount is not (null or 0)) return Failure.InvalidBid;
                var next = SavingsKernel.NextReceiver([.. turns.Select(t => t.PersonId)], turns.Where(t => t.PaidAtMeetingId != null).Select(t => t.PersonId));
                var turn = turns.FirstOrDefault(t => t.PersonId == round.PersonId);
                if (turn is null || turn.PaidAtMeetingId is not null || next != round.PersonId) return Failure.NotTheirTurn;
                if (pot <= 0) return Failure.PotShort;
                w.Enter(SavingsEntryKind.RoundPayout, SavingsAccount.RoundPayouts, SavingsAccount.Pot, pot, round.PersonId, reason: $"round {turn.Round}");
                turn.PaidAtMeetingId = meeting.Id;
            }
        }
        // Nor is anything lent out of a fund that is short.
        var loanFund = state.Books.LoanFundCash(cycle.Id);
        if (loanFund < loanFundBefore || loanFund < 0 && input.Loans is { Count: > 0 }) return Failure.LoanFundShort;
        if (state.Books.SocialFundCash(cycle.Id) < socialFundBefore) return Failure.SocialFundShort;
        foreach (var loan in state.Loans)
        {
            if (state.Books.LoanOutstanding(loan.Id) < 0) return Failure.InvalidRepayment;
        }

        // The box last: what was counted against what the books now say. A difference is never hidden.
        var difference = input.BoxCash - state.Books.BoxCash;
        if (difference > 0)
            w.Enter(SavingsEntryKind.BoxDifference, SavingsAccount.LoanFund, SavingsAccount.Income, difference, reason: "cash over the records");
        else if (difference < 0)
            w.Enter(SavingsEntryKind.BoxDifference, SavingsAccount.Losses, SavingsAccount.LoanFund, -difference, reason: "cash short of the records");

        var attended = attendance.Where(a => a.Status != Attendance.Absent).Select(a => a.PersonId).ToList();
        await events.PublishAsync(new SavingsMeetingRecorded(groupId, community.Id, meeting.Id, input.Date, attended, viewer.PersonId, now), ct);
        var members = state.Members.Where(m => m.LeftAt == null).Select(m => m.PersonId).ToList();
        foreach (var loan in disbursed)
        {
            await events.PublishAsync(new SavingsLoanDisbursed(groupId, community.Id, loan.Id, loan.PersonId, loan.Principal,
                state.Group.Currency, input.Date, members, loan.ProjectId, now), ct);
        }
        foreach (var p in paidOut)
        {
            await events.PublishAsync(new SocialFundPaid(groupId, community.Id, meeting.Id, p.PersonId, p.Amount, state.Group.Currency, input.Date,
                members, now), ct);
        }
        await db.SaveChangesAsync(ct);

        // The loaded books took every entry, member and loan as it was written: they are the books after the meeting.
        state.Recorded(meeting);
        return new MeetingRecord(meeting.Id, groupId, meeting.Number, meeting.Date, meeting.BoxCash, difference, Balances(state),
            [.. state.Loans.Select(l => LoanView(state, l, today))], Repeated: false);
    }

    /// <summary>
    /// Closes the cycle at its share-out meeting: every member is paid shares × value per share (rounded down), the
    /// remainder and the social fund (unless the constitution shares it out) are carried to a new cycle, members reinvest
    /// any part of their payout as their first shares of it, and those who leave, leave. Refused while a loan is owed.
    /// </summary>
    public async Task<Outcome<CycleClosedView>> CloseCycleAsync(Viewer viewer, Guid groupId, CloseCycleInput input, string? idempotencyKey = null,
        CancellationToken ct = default)
    {
        var key = string.IsNullOrWhiteSpace(idempotencyKey) ? null : idempotencyKey.Trim();
        if (key is { Length: > SavingsMeeting.IdempotencyKeyMaxLength }) return Failure.TextTooLong;
        return await RetriedAsync(() => CloseCycleOnceAsync(viewer, groupId, input, key, ct));
    }

    private async Task<Outcome<CycleClosedView>> CloseCycleOnceAsync(Viewer viewer, Guid groupId, CloseCycleInput input, string? key,
        CancellationToken ct)
    {
        var state = await LoadAsync(groupId, ct, tracked: true);
        if (state is null || !state.IsMember(viewer.PersonId)) return Refusal;
        if (!state.IsOfficer(viewer.PersonId)) return Failure.Forbidden;
        if (key is not null && await EarlierMeetingAsync(groupId, viewer.PersonId, key, ct) is { } earlier)
        {
            var closed = await db.SavingsCycles.AsNoTracking().FirstOrDefaultAsync(c => c.ClosedAtMeetingId == earlier.Id, ct);
            if (closed is null) return Failure.InvalidFormat;
            var old = await LoadAsync(groupId, ct, cycleId: closed.Id);
            return new CycleClosedView(await DoneShareOutOf(old!, ct), earlier.Id, state.Cycle.Id, state.Cycle.Number, Repeated: true);
        }
        var community = await db.Communities.AsNoTracking().FirstAsync(c => c.Id == state.Group.CommunityId, ct);
        var now = clock.GetUtcNow();
        var today = Today(now, community.TimeZone);
        var lastMeeting = state.LastMeetingDate ?? state.Cycle.StartedOn;
        if (input.Date > today || input.Date < lastMeeting) return Failure.MeetingDateOutOfRange;
        var cycle = state.Cycle;
        if (state.Books.LoansOutstanding(cycle.Id) != 0) return Failure.LoansOutstanding;

        var next = Constitution(input.NextConstitution ?? Copy(cycle), state.Group.Kind);
        if (!next.Succeeded) return next.Failure!.Value;
        var leaving = (input.Leaving ?? []).Distinct().ToList();
        if (leaving.Any(p => !state.IsActive(p))) return Failure.NotSavingsMember;
        var reinvest = input.Reinvest ?? [];
        if (reinvest.Select(r => r.PersonId).Distinct().Count() != reinvest.Count) return Failure.TooManyShares;

        var shareOut = ShareOutOf(state);
        var meeting = new SavingsMeeting
        {
            GroupId = groupId, CycleId = cycle.Id, Number = state.MeetingCount + 1, Date = input.Date, RecordedById = viewer.PersonId,
            RecordedAt = now, IdempotencyKey = key,
        };
        db.SavingsMeetings.Add(meeting);
        var w = new Writer(db, state, meeting, viewer.PersonId, now);
        foreach (var line in shareOut.Lines.Where(l => l.Payout > 0 || l.Shares != 0))
        {
            if (line.Payout > 0)
                w.Enter(SavingsEntryKind.ShareOutPayout, SavingsAccount.Payouts, SavingsAccount.LoanFund, line.Payout, line.PersonId, shares: -line.Shares);
            if (line.SocialFundPayout > 0)
                w.Enter(SavingsEntryKind.SocialFundShareOut, SavingsAccount.SocialFund, SavingsAccount.SocialFundCash, line.SocialFundPayout, line.PersonId);
        }
        var remainder = state.Books.LoanFundCash(cycle.Id);
        var social = state.Books.SocialFundCash(cycle.Id);
        if (remainder > 0) w.Enter(SavingsEntryKind.RemainderCarried, SavingsAccount.Carried, SavingsAccount.LoanFund, remainder, reason: "carried to the next cycle");
        if (social > 0) w.Enter(SavingsEntryKind.SocialFundCarried, SavingsAccount.SocialFund, SavingsAccount.SocialFundCash, social, reason: "carried to the next cycle");
        var pot = state.Books.Balance(SavingsAccount.Pot, cycle.Id);
        if (pot > 0) w.Enter(SavingsEntryKind.RemainderCarried, SavingsAccount.Contributions, SavingsAccount.Pot, pot, reason: "pot carried to the next cycle");

        var nextCycle = next.Value!;
        nextCycle.GroupId = groupId;
        nextCycle.Number = cycle.Number + 1;
        nextCycle.StartedAt = now;
        nextCycle.StartedOn = input.Date;
        foreach (var f in nextCycle.Fines) f.CycleId = nextCycle.Id;
        db.SavingsCycles.Add(nextCycle);
        cycle.ClosedAt = now;
        cycle.ClosedAtMeetingId = meeting.Id;

        // The new cycle's books open with what was carried, then the reinvested shares.
        var opening = new Writer(db, state, meeting, viewer.PersonId, now, nextCycle.Id);
        if (remainder > 0) opening.Enter(SavingsEntryKind.RemainderCarried, SavingsAccount.LoanFund, SavingsAccount.Carried, remainder, reason: "brought from the cycle before");
        if (social > 0) opening.Enter(SavingsEntryKind.SocialFundCarried, SavingsAccount.SocialFundCash, SavingsAccount.SocialFund, social, reason: "brought from the cycle before");
        if (pot > 0) opening.Enter(SavingsEntryKind.RemainderCarried, SavingsAccount.Pot, SavingsAccount.Contributions, pot, reason: "pot brought from the cycle before");
        foreach (var r in reinvest)
        {
            var payout = shareOut.Lines.FirstOrDefault(l => l.PersonId == r.PersonId)?.Payout ?? 0;
            if (!state.IsActive(r.PersonId) || leaving.Contains(r.PersonId)) return Failure.NotSavingsMember;
            if (r.Amount < 0 || r.Amount > payout) return Failure.AmountOutOfRange;
            var bought = SavingsKernel.SharesFor(r.Amount, nextCycle.SharePrice);
            if (bought.Shares > 0)
                opening.Enter(SavingsEntryKind.SharePurchase, SavingsAccount.LoanFund, SavingsAccount.Savings, bought.Cost, r.PersonId,
                    shares: bought.Shares, reason: "reinvested from the share-out");
        }
        foreach (var person in leaving)
        {
            var member = state.Members.First(m => m.PersonId == person && m.LeftAt == null);
            member.LeftAt = now;
            member.LeftAtMeetingId = meeting.Id;
            w.Decide(SavingsDecisionKind.MemberLeft, "left at the share-out", person);
        }
        w.Decide(SavingsDecisionKind.CycleClosed,
            $"value per share {shareOut.ValuePerShare}; paid {shareOut.TotalPayout}; carried {remainder}; social fund carried {social}");
        meeting.BoxCash = state.Books.BoxCash + opening.Added;
        db.Record(now, viewer.PersonId, AuditActions.SavingsCycleClosed, community.Id, cycle.Id, $"{shareOut.TotalPayout} {state.Group.Currency}");
        await events.PublishAsync(new SavingsMeetingRecorded(groupId, community.Id, meeting.Id, input.Date, [], viewer.PersonId, now), ct);
        await db.SaveChangesAsync(ct);
        return new CycleClosedView(await ShareOutViewOf(state, shareOut, canClose: false, ct), meeting.Id, nextCycle.Id, nextCycle.Number, Repeated: false);
    }

    /// <summary>
    /// A rotating group's order for its open cycle (its officers): the order given for a fixed order, or drawn fairly for a
    /// lottery (the seed is kept, so anyone can draw it again: <see cref="SavingsKernel.LotteryOrder"/>). Set once per cycle.
    /// </summary>
    public async Task<Outcome<IReadOnlyList<RoscaTurnView>>> SetPayoutOrderAsync(Viewer viewer, Guid groupId, IReadOnlyList<Guid>? order,
        CancellationToken ct = default)
    {
        var state = await LoadAsync(groupId, ct, tracked: true);
        if (state is null || !state.IsMember(viewer.PersonId)) return Refusal;
        if (!state.IsOfficer(viewer.PersonId)) return Failure.Forbidden;
        if (state.Group.Kind != SavingsGroupKind.Rosca || state.Cycle.PayoutOrder == RoscaPayoutOrder.Bidding) return Failure.InvalidConstitution;
        if (await db.RoscaTurns.AnyAsync(t => t.CycleId == state.Cycle.Id, ct)) return Failure.NotTheirTurn;
        var active = state.Members.Where(m => m.LeftAt == null).Select(m => m.PersonId).ToList();
        IReadOnlyList<Guid> drawn;
        if (state.Cycle.PayoutOrder == RoscaPayoutOrder.Lottery)
        {
            var seed = BitConverter.ToInt64(System.Security.Cryptography.RandomNumberGenerator.GetBytes(8));
            state.Cycle.LotterySeed = seed;
            drawn = SavingsKernel.LotteryOrder(active, seed);
        }
        else
        {
            if (order is null || order.Count != active.Count || order.Distinct().Count() != order.Count || order.Any(p => !active.Contains(p)))
                return Failure.NotSavingsMember;
            drawn = order;
        }
        db.RoscaTurns.AddRange(drawn.Select((p, i) => new RoscaTurn { CycleId = state.Cycle.Id, Round = i + 1, PersonId = p }));
        await db.SaveChangesAsync(ct);
        return await PayoutOrderAsync(viewer, groupId, ct);
    }

    /// <summary>A rotating group's order for the open cycle, and who has received (the group's members).</summary>
    public async Task<Outcome<IReadOnlyList<RoscaTurnView>>> PayoutOrderAsync(Viewer viewer, Guid groupId, CancellationToken ct = default)
    {
        var state = await LoadAsync(groupId, ct);
        if (state is null || !state.IsMember(viewer.PersonId)) return Refusal;
        var turns = await db.RoscaTurns.AsNoTracking().Where(t => t.CycleId == state.Cycle.Id).OrderBy(t => t.Round).ToListAsync(ct);
        return turns.Select(t => new RoscaTurnView(t.Round, t.PersonId, t.PaidAtMeetingId != null, t.Discount, t.DividendEach,
            state.Cycle.SharePrice - t.DividendEach)).ToList();
    }

    // ---- the rules

    /// <summary>A member leaving mid-cycle: their loans are settled from their savings, they are paid what the meeting decided, and the rest of their savings stays with the group.</summary>
    private Failure? Leave(State state, Writer w, Guid person, long payout, DateTimeOffset now)
    {
        var member = state.Members.FirstOrDefault(m => m.PersonId == person && m.LeftAt == null);
        if (member is null) return Failure.NotSavingsMember;
        var cycle = state.Cycle.Id;
        var savings = state.Books.SavingsOf(cycle, person);
        // Their shares leave the count with the first entry that takes from their savings.
        var shares = state.Books.SharesOf(cycle, person);
        int Take() { var n = -shares; shares = 0; return n; }
        foreach (var loan in state.Loans.Where(l => l.PersonId == person))
        {
            var owed = Math.Min(state.Books.LoanOutstanding(loan.Id), state.Books.SavingsOf(cycle, person));
            if (owed > 0) w.Enter(SavingsEntryKind.LeavingSettlement, SavingsAccount.Savings, SavingsAccount.Loan, owed, person, loan.Id, shares: Take());
        }
        if (state.Loans.Any(l => l.PersonId == person && state.Books.LoanOutstanding(l.Id) > 0)) return Failure.LoansOutstanding;
        var left = state.Books.SavingsOf(cycle, person);
        if (payout < 0 || payout > left) return Failure.AmountOutOfRange;
        if (payout > 0) w.Enter(SavingsEntryKind.LeavingPayout, SavingsAccount.Savings, SavingsAccount.LoanFund, payout, person, shares: Take());
        if (left - payout > 0) w.Enter(SavingsEntryKind.LeavingKept, SavingsAccount.Savings, SavingsAccount.Income, left - payout, person, shares: Take());
        member.LeftAt = now;
        member.LeftAtMeetingId = w.MeetingId;
        w.Decide(SavingsDecisionKind.MemberLeft, $"savings {savings}; paid {payout}", person);
        return null;
    }

    private static Outcome<SavingsCycle> Constitution(ConstitutionInput c, SavingsGroupKind kind)
    {
        if (c is null) return Failure.InvalidConstitution;
        var charge = BasisPoints(c.ServiceChargePercent);
        var commission = BasisPoints(c.CommissionPercent);
        var vsla = kind == SavingsGroupKind.Vsla;
        if (c.SharePrice <= 0 || c.SharePrice > MaxAmount || charge is null || commission is null || c.SocialFundPerMeeting < 0
            || c.SocialFundPerMeeting > MaxAmount || !Enum.IsDefined(c.ServiceChargeBasis) || !Enum.IsDefined(c.PayoutOrder))
            return Failure.InvalidConstitution;
        if (vsla && (c.MaxSharesPerMeeting < SavingsCycle.MinSharesPerMeeting || c.MaxSharesPerMeeting > SavingsCycle.MaxSharesPerMeetingLimit
            || c.LoanMultiple < 1 || c.LoanMultiple > MaxLoanMultiple || c.MaxLoanMonths < 1 || c.MaxLoanMonths > MaxLoanMonthsLimit))
            return Failure.InvalidConstitution;
        var fines = c.Fines ?? [];
        if (fines.Count > MaxFines || fines.Any(f => string.IsNullOrWhiteSpace(f.Name) || f.Name.Trim().Length > SavingsFineRule.NameMaxLength
            || f.Amount <= 0 || f.Amount > MaxAmount) || fines.Select(f => f.Name.Trim()).Distinct().Count() != fines.Count)
            return Failure.InvalidConstitution;
        return new SavingsCycle
        {
            SharePrice = c.SharePrice, MaxSharesPerMeeting = vsla ? c.MaxSharesPerMeeting : 1, SocialFundPerMeeting = c.SocialFundPerMeeting,
            ServiceChargeBasisPoints = charge.Value, ServiceChargeBasis = c.ServiceChargeBasis, LoanMultiple = c.LoanMultiple,
            MaxLoanMonths = c.MaxLoanMonths, ShareOutSocialFund = c.ShareOutSocialFund, PayoutOrder = c.PayoutOrder,
            CommissionBasisPoints = commission.Value, DividendToWinner = c.DividendToWinner,
            Fines = [.. fines.Select(f => new SavingsFineRule { Name = f.Name.Trim(), Amount = f.Amount })],
        };
    }

    public const long MaxAmount = 1_000_000_000_000_000;
    public const int MaxLoanMultiple = 10;
    public const int MaxLoanMonthsLimit = 24;
    public const int MaxFines = 20;

    /// <summary>Changes the open cycle's rules; answers what changed, as the decision's text ("" when nothing did).</summary>
    private Outcome<string> Change(SavingsCycle cycle, ConstitutionChange change, SavingsGroupKind kind)
    {
        var before = Copy(cycle);
        var after = before with
        {
            MaxSharesPerMeeting = change.MaxSharesPerMeeting ?? before.MaxSharesPerMeeting,
            SocialFundPerMeeting = change.SocialFundPerMeeting ?? before.SocialFundPerMeeting,
            ServiceChargePercent = change.ServiceChargePercent ?? before.ServiceChargePercent,
            ServiceChargeBasis = change.ServiceChargeBasis ?? before.ServiceChargeBasis,
            LoanMultiple = change.LoanMultiple ?? before.LoanMultiple,
            MaxLoanMonths = change.MaxLoanMonths ?? before.MaxLoanMonths,
            ShareOutSocialFund = change.ShareOutSocialFund ?? before.ShareOutSocialFund,
            Fines = change.Fines ?? before.Fines,
        };
        var made = Constitution(after, kind);
        if (!made.Succeeded) return made.Failure!.Value;
        var n = made.Value!;
        var said = new List<string>();
        void Note<T>(string name, T old, T @new) { if (!EqualityComparer<T>.Default.Equals(old, @new)) said.Add($"{name}: {old} → {@new}"); }
        Note("maxSharesPerMeeting", cycle.MaxSharesPerMeeting, n.MaxSharesPerMeeting);
        Note("socialFundPerMeeting", cycle.SocialFundPerMeeting, n.SocialFundPerMeeting);
        Note("serviceChargeBasisPoints", cycle.ServiceChargeBasisPoints, n.ServiceChargeBasisPoints);
        Note("serviceChargeBasis", cycle.ServiceChargeBasis, n.ServiceChargeBasis);
        Note("loanMultiple", cycle.LoanMultiple, n.LoanMultiple);
        Note("maxLoanMonths", cycle.MaxLoanMonths, n.MaxLoanMonths);
        Note("shareOutSocialFund", cycle.ShareOutSocialFund, n.ShareOutSocialFund);
        cycle.MaxSharesPerMeeting = n.MaxSharesPerMeeting;
        cycle.SocialFundPerMeeting = n.SocialFundPerMeeting;
        cycle.ServiceChargeBasisPoints = n.ServiceChargeBasisPoints;
        cycle.ServiceChargeBasis = n.ServiceChargeBasis;
        cycle.LoanMultiple = n.LoanMultiple;
        cycle.MaxLoanMonths = n.MaxLoanMonths;
        cycle.ShareOutSocialFund = n.ShareOutSocialFund;
        if (change.Fines is not null)
        {
            var oldFines = string.Join(", ", cycle.Fines.Select(f => $"{f.Name} {f.Amount}"));
            var newFines = string.Join(", ", n.Fines.Select(f => $"{f.Name} {f.Amount}"));
            if (oldFines != newFines)
            {
                said.Add($"fines: {oldFines} → {newFines}");
                db.SavingsFineRules.RemoveRange(cycle.Fines);
                foreach (var f in n.Fines) f.CycleId = cycle.Id;
                db.SavingsFineRules.AddRange(n.Fines);
            }
        }
        var text = string.Join("; ", said);
        return text.Length > SavingsDecision.TextMaxLength ? text[..SavingsDecision.TextMaxLength] : text;
    }

    private static ConstitutionInput Copy(SavingsCycle c) => new(c.SharePrice, c.MaxSharesPerMeeting, c.SocialFundPerMeeting,
        c.ServiceChargeBasisPoints / 100m, c.ServiceChargeBasis, c.LoanMultiple, c.MaxLoanMonths, c.ShareOutSocialFund,
        [.. c.Fines.Select(f => new FineRuleInput(f.Name, f.Amount))], c.PayoutOrder, c.CommissionBasisPoints / 100m, c.DividendToWinner);

    /// <summary>A percent with at most two decimals, 0 to 100, as hundredths of a percent.</summary>
    private static int? BasisPoints(decimal percent)
    {
        if (percent < 0 || percent > 100) return null;
        var bp = percent * 100;
        return bp == decimal.Truncate(bp) ? (int)bp : null;
    }

    private static string? Reason(string? text)
    {
        var r = string.IsNullOrWhiteSpace(text) ? "" : text.Trim();
        return r.Length > SavingsEntry.ReasonMaxLength ? null : r;
    }

    private static ShareOut ShareOutOf(State state)
    {
        var cycle = state.Cycle.Id;
        var members = state.Members
            .Where(m => m.LeftAt == null || state.Books.SharesOf(cycle, m.PersonId) != 0)
            .Select(m => new ShareOutMember(m.PersonId, state.Books.SharesOf(cycle, m.PersonId), state.Books.SavingsOf(cycle, m.PersonId)))
            .OrderBy(m => m.PersonId).ToList();
        // While loans are owed, the preview counts them as repaid; the cycle closes only when none is.
        var cash = state.Books.LoanFundCash(cycle) + state.Books.LoansOutstanding(cycle);
        return SavingsKernel.ShareOutOf(cash, members, state.Books.SocialFundCash(cycle), state.Cycle.ShareOutSocialFund);
    }

    /// <summary>A closed cycle's share-out as it was paid, read back from its entries.</summary>
    private async Task<ShareOutView> DoneShareOutOf(State old, CancellationToken ct)
    {
        var paid = old.Effective.Where(e => e.Kind == SavingsEntryKind.ShareOutPayout).ToList();
        var social = old.Effective.Where(e => e.Kind == SavingsEntryKind.SocialFundShareOut).ToList();
        var people = paid.Select(e => e.PersonId!.Value).Concat(social.Select(e => e.PersonId!.Value)).Distinct().Order().ToList();
        var lines = people.Select(p => new ShareOutLine(p, -paid.Where(e => e.PersonId == p).Sum(e => e.Shares),
            old.Effective.Where(e => e.PersonId == p && e.Kind == SavingsEntryKind.SharePurchase).Sum(e => e.Amount),
            paid.Where(e => e.PersonId == p).Sum(e => e.Amount), social.Where(e => e.PersonId == p).Sum(e => e.Amount))).ToList();
        var remainder = old.Effective.Where(e => e.Kind == SavingsEntryKind.RemainderCarried).Sum(e => e.Amount);
        var socialCarried = old.Effective.Where(e => e.Kind == SavingsEntryKind.SocialFundCarried).Sum(e => e.Amount);
        var total = lines.Sum(l => l.Shares);
        var cash = lines.Sum(l => l.Payout) + remainder;
        var value = total == 0 ? 0m : decimal.Round((decimal)cash / total, 4, MidpointRounding.ToZero);
        return new ShareOutView(old.Group.Id, old.Group.Name, old.Cycle.Id, old.Group.Currency, value, total, lines, remainder, socialCarried, cash,
            0, false, MembersNamed(old, await NamesAsync(old, ct)));
    }

    private async Task<ShareOutView> ShareOutViewOf(State state, ShareOut s, bool canClose, CancellationToken ct)
    {
        var owed = state.Books.LoansOutstanding(state.Cycle.Id);
        return new ShareOutView(state.Group.Id, state.Group.Name, state.Cycle.Id, state.Group.Currency, s.ValuePerShare, s.TotalShares, s.Lines,
            s.Remainder, s.SocialFundBalance, state.Books.LoanFundCash(state.Cycle.Id), owed, canClose && owed == 0,
            MembersNamed(state, await NamesAsync(state, ct)));
    }

    /// <summary>The first names of the group's members, past ones included: their lines stay in the books.</summary>
    private async Task<Dictionary<Guid, string>> NamesAsync(State s, CancellationToken ct)
    {
        var ids = s.Members.Select(m => m.PersonId).ToList();
        return await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.FirstName, ct);
    }

    private static List<SavingsMemberName> MembersNamed(State s, Dictionary<Guid, string> names) =>
        [.. s.Members.Select(m => new SavingsMemberName(m.PersonId, names.GetValueOrDefault(m.PersonId) ?? "—"))];

    private static SavingsBalances Balances(State s)
    {
        var c = s.Cycle.Id;
        var savings = s.Members.Sum(m => s.Books.SavingsOf(c, m.PersonId));
        return new SavingsBalances(s.Books.LoanFundCash(c), s.Books.SocialFundCash(c), s.Books.LoansOutstanding(c), s.Books.BoxCash,
            s.Books.Shares(c), savings, s.Books.Balance(SavingsAccount.Pot, c));
    }

    private static long BoxDifferenceOf(State s, Guid meetingId) => s.Effective
        .Where(e => e.MeetingId == meetingId && e.Kind == SavingsEntryKind.BoxDifference)
        .Sum(e => e.DebitAccount == SavingsAccount.LoanFund ? e.Amount : -e.Amount);

    private static SavingsLoanView LoanView(State state, SavingsLoan loan, DateOnly today)
    {
        var mine = state.Effective.Where(e => e.LoanId == loan.Id).ToList();
        var principal = mine.Where(e => e.Kind == SavingsEntryKind.Disbursement).Sum(e => e.Amount);
        var moves = mine.Where(e => e.Kind is SavingsEntryKind.RepaymentPrincipal or SavingsEntryKind.ServiceCharge or SavingsEntryKind.WriteOff
                or SavingsEntryKind.LeavingSettlement)
            .Select(e => new LoanMovement(e.Date, e.Kind == SavingsEntryKind.ServiceCharge ? 0 : e.Amount,
                e.Kind == SavingsEntryKind.ServiceCharge ? e.Amount : 0, e.Kind == SavingsEntryKind.WriteOff));
        var asOf = today > state.LastMeetingDate ? today : state.LastMeetingDate ?? today;
        var standing = SavingsKernel.Standing(
            new LoanTerms(principal, loan.ApprovedOn, loan.Months, loan.ServiceChargeBasisPoints, loan.ServiceChargeBasis), moves, asOf);
        return new SavingsLoanView(loan.Id, loan.PersonId, principal, state.Books.LoanOutstanding(loan.Id), standing.ChargeDue,
            standing.ChargesPaid, loan.ApprovedOn, loan.DueOn, standing.IsLate, standing.DaysLate, standing.WrittenOff > 0, loan.ProjectId);
    }

    /// <summary>A project of the borrower's household, or one they started, in the group's community.</summary>
    private Task<bool> IsBorrowersProjectAsync(Guid projectId, Guid personId, Guid communityId, CancellationToken ct) =>
        db.Projects.AnyAsync(p => p.Id == projectId && p.CommunityId == communityId && (p.CreatedById == personId
            || p.HouseholdId != null && db.HouseholdMembers.Any(m => m.HouseholdId == p.HouseholdId && m.PersonId == personId)), ct);

    /// <summary>
    /// The published projects a loan at this group's meeting may be for: each active member's household's, or ones they started.
    /// For the group's officers, who record the meeting; drafts stay their family's.
    /// </summary>
    public async Task<Outcome<IReadOnlyList<LoanProjectChoice>>> LoanProjectsAsync(Viewer viewer, Guid groupId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var savings = await db.SavingsGroups.AsNoTracking().Where(g => g.Id == groupId)
            .Select(g => new { g.CommunityId, g.Kind, Language = db.Communities.Where(c => c.Id == g.CommunityId).Select(c => c.DefaultLanguage).First() })
            .FirstOrDefaultAsync(ct);
        if (savings is null || !viewer.IsSignedIn) return Failure.NotFound;
        if (!await db.SavingsOfficers.AnyAsync(o => o.GroupId == groupId && o.PersonId == viewer.PersonId && o.EndedAt == null, ct))
            return await db.SavingsMembers.AnyAsync(m => m.GroupId == groupId && m.PersonId == viewer.PersonId, ct) ? Failure.Forbidden : Failure.NotFound;
        if (savings.Kind != SavingsGroupKind.Vsla) return Array.Empty<LoanProjectChoice>();
        var members = db.SavingsMembers.Where(m => m.GroupId == groupId && m.LeftAt == null).Select(m => m.PersonId);
        var rows = await (
                from p in db.Projects.AsNoTracking()
                where p.CommunityId == savings.CommunityId && p.Status == Projects.ProjectStatus.Published
                from person in db.Users
                where members.Contains(person.Id) && (p.CreatedById == person.Id
                    || p.HouseholdId != null && db.HouseholdMembers.Any(m => m.HouseholdId == p.HouseholdId && m.PersonId == person.Id))
                select new LoanProjectChoice(p.Id, person.Id, person.FirstName, p.Title, savings.Language))
            .ToListAsync(ct);
        return rows.DistinctBy(r => (r.ProjectId, r.PersonId)).OrderBy(r => r.FirstName, StringComparer.CurrentCulture)
            .ThenBy(r => r.Title, StringComparer.CurrentCulture).ToList();
    }

    private async Task<SavingsGroupView> ViewAsync(State s, Viewer viewer, CancellationToken ct)
    {
        var names = await NamesAsync(s, ct);
        var today = await TodayAsync(s.Group.CommunityId, ct);
        var meetings = await db.SavingsMeetings.AsNoTracking().Where(m => m.CycleId == s.Cycle.Id).OrderBy(m => m.Number)
            .Select(m => new { m.Id, m.Number, m.Date, m.BoxCash,
                Attended = db.SavingsAttendance.Count(a => a.MeetingId == m.Id && a.Status != Attendance.Absent) })
            .ToListAsync(ct);
        var c = s.Cycle;
        return new SavingsGroupView(s.Group.Id, s.Group.CommunityId, s.Group.Name, s.Group.Kind, s.Group.Currency, c.Id, c.Number,
            new ConstitutionView(c.SharePrice, c.MaxSharesPerMeeting, c.SocialFundPerMeeting, c.ServiceChargeBasisPoints / 100m,
                c.ServiceChargeBasis, c.LoanMultiple, c.MaxLoanMonths, c.ShareOutSocialFund,
                [.. c.Fines.OrderBy(f => f.Name).Select(f => new FineRuleInput(f.Name, f.Amount))], c.PayoutOrder,
                c.CommissionBasisPoints / 100m, c.DividendToWinner),
            [.. s.Members.OrderBy(m => names.GetValueOrDefault(m.PersonId)).Select(m => new SavingsMemberView(m.PersonId,
                names.GetValueOrDefault(m.PersonId) ?? "—", m.LeftAt == null,
                [.. s.Officers.Where(o => o.PersonId == m.PersonId && o.EndedAt == null).Select(o => o.Role).Order()]))],
            Balances(s), [.. s.Loans.Select(l => LoanView(s, l, today))],
            [.. meetings.Select(m => new SavingsMeetingSummary(m.Id, m.Number, m.Date, m.BoxCash, m.Attended))],
            s.IsOfficer(viewer.PersonId));
    }

    // ---- loading

    /// <summary>A group with one cycle's books (the open one unless said), read once per call.</summary>
    private sealed class State
    {
        public required SavingsGroup Group { get; init; }
        public required SavingsCycle Cycle { get; init; }
        public required List<SavingsMember> Members { get; init; }
        public required List<SavingsOfficer> Officers { get; init; }
        public required List<SavingsLoan> Loans { get; init; }
        public required List<SavingsEntry> Entries { get; init; }
        public required Dictionary<Guid, int> MeetingNumbers { get; init; }
        public required int MeetingCount { get; set; }
        public required DateOnly? LastMeetingDate { get; set; }
        public required long LastSequence { get; set; }
        public SavingsBooks Books { get; } = new();
        public HashSet<Guid> Reversed { get; } = [];

        /// <summary>The entries that stand: neither reversed nor a reversal.</summary>
        public IEnumerable<SavingsEntry> Effective => Entries.Where(e => e.ReversesId is null && !Reversed.Contains(e.Id));

        public bool IsMember(Guid personId) => Members.Any(m => m.PersonId == personId);
        public bool IsActive(Guid personId) => Members.Any(m => m.PersonId == personId && m.LeftAt == null);
        public bool IsOfficer(Guid personId) => IsActive(personId) && Officers.Any(o => o.PersonId == personId && o.EndedAt == null);

        /// <summary>Counts a meeting just written, as a fresh load would.</summary>
        public void Recorded(SavingsMeeting meeting)
        {
            MeetingNumbers[meeting.Id] = meeting.Number;
            MeetingCount++;
            if (LastMeetingDate is null || meeting.Date > LastMeetingDate) LastMeetingDate = meeting.Date;
        }

        public void Add(SavingsEntry e)
        {
            Entries.Add(e);
            if (e.ReversesId is { } reversed) Reversed.Add(reversed);
            Books.Add(new BookEntry(e.CycleId, e.DebitAccount, e.CreditAccount, e.PersonId, e.LoanId, e.Amount, e.Shares));
        }
    }

    private async Task<State?> LoadAsync(Guid groupId, CancellationToken ct, bool tracked = false, Guid? cycleId = null)
    {
        IQueryable<T> Q<T>(IQueryable<T> q) where T : class => tracked ? q : q.AsNoTracking();
        var group = await Q(db.SavingsGroups).FirstOrDefaultAsync(g => g.Id == groupId, ct);
        if (group is null) return null;
        var cycle = await Q(db.SavingsCycles).Include(c => c.Fines)
            .Where(c => c.GroupId == groupId && (cycleId == null ? c.ClosedAt == null : c.Id == cycleId)).FirstAsync(ct);
        var entries = await Q(db.SavingsEntries).Where(e => e.CycleId == cycle.Id).OrderBy(e => e.Sequence).ToListAsync(ct);
        var meetings = await db.SavingsMeetings.AsNoTracking().Where(m => m.CycleId == cycle.Id)
            .Select(m => new { m.Id, m.Number, m.Date }).ToListAsync(ct);
        var state = new State
        {
            Group = group, Cycle = cycle,
            Members = await Q(db.SavingsMembers).Where(m => m.GroupId == groupId).OrderBy(m => m.JoinedAt).ToListAsync(ct),
            Officers = await Q(db.SavingsOfficers).Where(o => o.GroupId == groupId && o.EndedAt == null).ToListAsync(ct),
            Loans = await Q(db.SavingsLoans).Where(l => l.CycleId == cycle.Id).OrderBy(l => l.ApprovedOn).ThenBy(l => l.Id).ToListAsync(ct),
            Entries = [],
            MeetingNumbers = meetings.ToDictionary(m => m.Id, m => m.Number),
            MeetingCount = await db.SavingsMeetings.CountAsync(m => m.GroupId == groupId, ct),
            LastMeetingDate = meetings.Count == 0 ? null : meetings.Max(m => m.Date),
            LastSequence = await db.SavingsEntries.Where(e => e.GroupId == groupId).MaxAsync(e => (long?)e.Sequence, ct) ?? 0,
        };
        foreach (var e in entries) state.Add(e);
        return state;
    }

    /// <summary>Writes a meeting's entries and decisions, keeping the loaded books up to date as it goes.</summary>
    private sealed class Writer(MutuaDbContext db, State state, SavingsMeeting meeting, Guid by, DateTimeOffset now, Guid? cycleId = null)
    {
        public Guid MeetingId => meeting.Id;
        /// <summary>Cash this writer added to the box (the opening entries of a new cycle, which the loaded books do not count).</summary>
        public long Added { get; private set; }

        public void Enter(SavingsEntryKind kind, SavingsAccount debit, SavingsAccount credit, long amount, Guid? person = null, Guid? loan = null,
            int shares = 0, string? reason = null)
        {
            var e = new SavingsEntry
            {
                GroupId = state.Group.Id, CycleId = cycleId ?? state.Cycle.Id, MeetingId = meeting.Id, Sequence = ++state.LastSequence,
                Kind = kind, DebitAccount = debit, CreditAccount = credit, PersonId = person, LoanId = loan, Amount = amount, Shares = shares,
                Reason = string.IsNullOrEmpty(reason) ? null : reason, Date = meeting.Date, RecordedById = by, RecordedAt = now,
            };
            db.SavingsEntries.Add(e);
            if (cycleId is null) state.Add(e);
            else Added += Cash(debit, amount) + Cash(credit, -amount);
        }

        private static long Cash(SavingsAccount account, long amount) =>
            account is SavingsAccount.LoanFund or SavingsAccount.SocialFundCash or SavingsAccount.Pot ? amount : 0;

        /// <summary>A correction: the same amount back the other way; the entry it corrects stays in the journal.</summary>
        public void Reverse(SavingsEntry original)
        {
            var e = new SavingsEntry
            {
                GroupId = original.GroupId, CycleId = original.CycleId, MeetingId = meeting.Id, Sequence = ++state.LastSequence,
                Kind = SavingsEntryKind.Reversal, DebitAccount = original.CreditAccount, CreditAccount = original.DebitAccount,
                PersonId = original.PersonId, LoanId = original.LoanId, Amount = original.Amount, Shares = -original.Shares,
                Reason = $"corrects {original.Kind}", ReversesId = original.Id, Date = meeting.Date, RecordedById = by, RecordedAt = now,
            };
            db.SavingsEntries.Add(e);
            state.Add(e);
        }

        public void Decide(SavingsDecisionKind kind, string text, Guid? person = null, Guid? loan = null) =>
            db.SavingsDecisions.Add(new SavingsDecision
            {
                GroupId = state.Group.Id, MeetingId = meeting.Id, Kind = kind, PersonId = person, LoanId = loan,
                Text = text.Length > SavingsDecision.TextMaxLength ? text[..SavingsDecision.TextMaxLength] : text, RecordedById = by, RecordedAt = now,
            });
    }

    private Task<SavingsMeeting?> EarlierMeetingAsync(Guid groupId, Guid personId, string key, CancellationToken ct) =>
        db.SavingsMeetings.AsNoTracking().FirstOrDefaultAsync(m => m.GroupId == groupId && m.RecordedById == personId && m.IdempotencyKey == key, ct);

    /// <summary>Who of these people has a household in the community.</summary>
    private async Task<HashSet<Guid>> PeopleInCommunityAsync(Guid communityId, IReadOnlyList<Guid> people, CancellationToken ct) =>
        [.. await db.HouseholdMembers.AsNoTracking()
            .Where(m => people.Contains(m.PersonId))
            .Join(db.Households.Where(h => h.CommunityId == communityId), m => m.HouseholdId, h => h.Id, (m, h) => m.PersonId)
            .Distinct().ToListAsync(ct)];

    private async Task<DateOnly> TodayAsync(Guid communityId, CancellationToken ct)
    {
        var zone = await db.Communities.Where(c => c.Id == communityId).Select(c => c.TimeZone).FirstAsync(ct);
        return Today(clock.GetUtcNow(), zone);
    }

    internal static DateOnly Today(DateTimeOffset now, string timeZone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now,
            TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var zone) ? zone : TimeZoneInfo.Utc).DateTime);

    // Outside the group, even inside its community, its books answer as if it did not exist: a group's money is its
    // members' business, and a refusal must not tell that the id is real.
    private static Failure Refusal => Failure.NotFound;
}
