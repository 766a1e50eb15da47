using System.Collections.Immutable;
using Territories.Journeys;
using Territories.Mix;
using Territories.Model;
using Territories.Travel;
using Territories.Workload;

namespace Territories.Tests.Mix;

/// <summary>The mix of territories designed by the alignment loop: derived and allocated for them, handed to their plans, measured against the target.</summary>
public class AlignedMixTests
{
    [Fact]
    public void Plan_AlignedTerritories_MixPerTerritoryFrequenciesKeptAndPlansDeliverTheMixActivity()
    {
        var cycle = JourneyCycle.Create(2);
        var accounts = ImmutableArray.CreateBuilder<Account>();
        foreach (var (town, x) in new[] { ("w", 0.0), ("e", 1.12) })
        {
            for (var i = 0; i < 16; i++)
            {
                accounts.Add(new Account(new AccountId($"{town}{i:00}"), new GeoPoint(x + (0.01 * (i % 4)), 50 + (0.01 * (i / 4))))
                {
                    Potential = 100 + i,
                    Visit = VisitRequirement.Of(i % 2 == 0 ? VisitFrequency.PerWeek(1) : VisitFrequency.EveryWeeks(2)),
                });
            }
        }

        var request = new AlignmentRequest(accounts.ToImmutable(), cycle, new GreatCircleTravelModel(50, 1.3)) { Positions = 2 };
        var options = new AlignmentOptions { Seed = 3, MaxRounds = 1, PlanIterations = 150, Parallelism = 1, TimeLimit = TimeSpan.FromMinutes(2) };
        var aligned = new TerritoryAligner(options).Align(request, null, TestContext.Current.CancellationToken).AsT0;

        // The usage sketch: designed territories with the travel of their plans.
        var territories = aligned.Positions.Select(p => new MixTerritoryRequest(p.Territory)
        {
            Accounts = p.Request.Accounts,
            Positions = [p.Position],
            Market = new MarketPosition(p.Territory.Id, p.Request.Accounts.Sum(a => a.Potential), 0m),
            Travel = p.Plan.Kpis.TotalTravelTime,
        });
        var mix = new SalesMixPlanner().Plan(new MixPlanningRequest(territories, cycle)).AsT0;
        var handed = mix.ApplyTo(accounts);
        var reports = MixDelivery.Compare(
            mix.Targets,
            aligned.Positions.SelectMany(p => MixDelivery.Effort(mix.WithActivities(p.Plan), p.Territory.Id)),
            MixDivergenceMeasure.TotalVariation).AsT0;

        Assert.Equal(aligned.Positions.Select(p => p.Territory.Id).Order(), mix.Territories.Select(t => t.Territory));
        Assert.Equal(accounts.Select(a => a.Visit!.Frequency), handed.Select(a => a.Visit!.Frequency));
        Assert.All(handed, a => Assert.NotNull(a.Visit!.Activity));
        Assert.Empty(mix.Warnings);
        foreach (var position in aligned.Positions)
        {
            var territory = mix.Territories.Single(t => t.Territory == position.Territory.Id);
            var report = reports.Single(r => r.Territory == position.Territory.Id);
            Assert.Equal(position.Plan.Kpis.TotalTravelTime, territory.Travel);
            Assert.Equal(position.Plan.Kpis.TotalServiceTime, report.DeliveredTime);
            var delivered = report.Activities.Where(a => a.DeliveredShare > 0).Sum(a => a.TargetShare);
            Assert.Equal(1 - delivered, report.Divergence, 1e-9);
        }

        // The whole mix: visits carry the field mix, remote work is placed in the time left and counted.
        foreach (var position in aligned.Positions)
        {
            var territory = mix.Territories.Single(t => t.Territory == position.Territory.Id);
            var labelled = mix.WithActivities(position.Plan);
            var remote = RemoteScheduler.Schedule(labelled, position.Request, position.Position.Id, territory.RemoteTime());
            var visitsOnly = reports.Single(r => r.Territory == position.Territory.Id);
            var whole = MixDelivery.Compare(mix.Targets, MixDelivery.Effort(labelled, position.Territory.Id, remote.Blocks), MixDivergenceMeasure.TotalVariation).AsT0
                .Single(r => r.Territory == position.Territory.Id);

            var visitTime = labelled.Routes.SelectMany(r => r.Visits).GroupBy(v => v.Account).Select(g => g.Sum(v => (v.Departure - v.Start).TotalMinutes)).ToList();
            var bound = 0.5 * 5 * visitTime.Max() / visitTime.Sum();
            Assert.True(whole.FieldDivergence <= bound, $"{position.Territory.Id}: field divergence {whole.FieldDivergence:0.000} above {bound:0.000}");
            Assert.True(remote.PlacedTime > TimeSpan.Zero, $"{position.Territory.Id}: no remote work placed of {remote.AskedTime}");
            Assert.Equal(remote.PlacedTime, whole.RemoteTime);
            Assert.Equal(visitsOnly.FieldDivergence, whole.FieldDivergence, 12);
            Assert.All(whole.Activities.Where(a => remote.Asked.ContainsKey(a.Activity)), a => Assert.Equal(remote.PlacedOf(a.Activity), a.Delivered));
        }
    }
}
