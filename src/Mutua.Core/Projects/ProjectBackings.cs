namespace Mutua.Core.Projects;

/// <summary>Keeps the project's copy of a savings loan its meeting said was for it ("backed by our savings group").</summary>
internal sealed class ProjectBackings(MutuaDbContext db) : IReactTo<SavingsLoanDisbursed>
{
    public Task ReactAsync(SavingsLoanDisbursed happened, CancellationToken ct)
    {
        if (happened.ProjectId is { } projectId)
        {
            db.ProjectBackings.Add(new ProjectBacking
            {
                ProjectId = projectId, LoanId = happened.LoanId, SavingsGroupId = happened.GroupId, Amount = happened.Amount,
                Currency = happened.Currency, LentOn = happened.Date,
            });
        }
        return Task.CompletedTask;
    }
}
