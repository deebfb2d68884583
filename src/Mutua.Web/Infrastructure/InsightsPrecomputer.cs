using Microsoft.EntityFrameworkCore;
using Mutua.Core;
using Mutua.Core.Insights;

namespace Mutua.Web.Infrastructure;

/// <summary>
/// Keeps every community's settled months of insights ready (as far back as a page can ask: every readable month is published once, at settlement), shortly after start
/// and then every hour, so no page waits for a scan of old months. Each node may run it: a month kept
/// twice is kept once (unique per scope and month), and the work is skipped when nothing is missing.
/// Off with Mutua__Insights__Precompute=false.
/// </summary>
internal sealed class InsightsPrecomputer(IServiceScopeFactory scopes, IConfiguration config, ILogger<InsightsPrecomputer> log)
    : BackgroundService
{
    private const int Months = InsightsService.MaxMonths;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!config.GetValue("Mutua:Insights:Precompute", true)) return;
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken);
            using var timer = new PeriodicTimer(TimeSpan.FromHours(1));
            do
            {
                await RunOnceAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task RunOnceAsync(CancellationToken ct)
    {
        try
        {
            List<Guid> ids;
            using (var scope = scopes.CreateScope())
            {
                ids = await scope.ServiceProvider.GetRequiredService<MutuaDbContext>().Communities.Select(c => c.Id).ToListAsync(ct);
            }
            var months = 0;
            var started = TimeProvider.System.GetTimestamp();
            foreach (var id in ids)
            {
                using var scope = scopes.CreateScope();
                months += await scope.ServiceProvider.GetRequiredService<InsightsService>().PrecomputeAsync(id, Months, ct);
            }
            if (months > 0 && log.IsEnabled(LogLevel.Information))
            {
                var elapsed = TimeProvider.System.GetElapsedTime(started);
                log.LogInformation("Kept {Months} months of insights for {Communities} communities in {Elapsed}", months, ids.Count, elapsed);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The next hour tries again; pages compute what is missing meanwhile.
            log.LogWarning(e, "Keeping insights ahead of time failed");
        }
    }
}
