using Mutua.Core.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mutua.Core.Communities;
using Mutua.Core.Tests.Support;

namespace Mutua.Core.Tests.Communities;

public sealed class InvitationRaceTests : WorldTests
{
    [Fact]
    public async Task Of_two_people_signing_up_with_one_code_at_once_exactly_one_gets_in()
    {
        var amina = await As(W.Amina);
        for (var round = 0; round < 5; round++)
        {
            var invitation = (await Host.Run<InvitationService, Outcome<InvitationSummary>>(s =>
                s.CreateAsync(amina, W.Kimironko.Id, new NewInvitation(Role.Member, null, null, null)))).Ok();
            var peopleBefore = await Host.Db(db => db.Users.CountAsync());
            using var start = new ManualResetEventSlim();

            // Two requests: two scopes, two DbContexts, two connections to the same file.
            var racers = new[] { $"0788 5{round}0 001", $"0788 5{round}0 002" }.Select(login => Task.Run(async () =>
            {
                await using var scope = Host.Services.CreateAsyncScope();
                var service = scope.ServiceProvider.GetRequiredService<InvitationService>();
                start.Wait(TestContext.Current.CancellationToken);
                return await service.SignUpAsync(invitation.Code, new SignUp("Racer", null, login, "correct horse", null));
            })).ToList();
            start.Set();
            var outcomes = await Task.WhenAll(racers);

            var winner = Assert.Single(outcomes, o => o.Succeeded);
            Assert.Equal(Failure.InvitationUsed, Assert.Single(outcomes, o => !o.Succeeded).Failure);
            await Host.Db(async db =>
            {
                Assert.Equal(peopleBefore + 1, await db.Users.CountAsync());
                var used = await db.Invitations.SingleAsync(i => i.Id == invitation.Id);
                Assert.Equal(winner.Value!.PersonId, used.RedeemedById);
                Assert.Equal(1, await db.HouseholdMembers.CountAsync(m => m.HouseholdId == winner.Value.HouseholdId));
                Assert.Equal(1, await db.Orientations.CountAsync(o => o.PersonId == winner.Value.PersonId));
                return 0;
            });
        }
    }
}
