using System.Collections.Immutable;
using Territories.Journeys;
using Territories.Journeys.Planning;
using Territories.Model;
using Territories.Travel;

namespace Territories.IO.Tests.Csv;

/// <summary>A small journey-plan request around Columbus, Ohio, and its plan: one position, ten accounts, one week.</summary>
internal static class PlanSample
{
    public static readonly PositionId Rep = new("rep-1");

    public static readonly AccountId MondayOnly = new("a01");

    public static JourneyPlannerOptions Options => new() { Seed = 3, MaxIterations = 300, TimeLimit = TimeSpan.FromMinutes(1) };

    public static JourneyPlanRequest Request()
    {
        var position = new SalesPosition(Rep)
        {
            Name = "Rep \"One\"",
            Base = new GeoPoint(-83.00, 39.96),
            MaxVisitsPerDay = 3,
        };
        var accounts = ImmutableArray.CreateBuilder<Account>();
        for (var i = 1; i <= 10; i++)
        {
            var account = new Account(new AccountId($"a{i:00}"), new GeoPoint(-83.00 + (0.01 * i), 39.96 + (0.007 * (i % 4))))
            {
                Name = i switch
                {
                    2 => "Smith, Jones & \"Partners\"",
                    3 => "Café Zürich\nLine two",
                    4 => "Ünïcödé; semi",
                    _ => $"Outlet {i}",
                },
                ServiceTime = TimeSpan.FromMinutes(20 + i),
                Visit = VisitRequirement.Of(VisitFrequency.PerWeek(1)) with { Activity = i % 2 == 0 ? "order" : "merch, audit" },
            };
            if (i == 1)
            {
                account = account with { OpeningHours = OpeningHours.Weekly([DayOfWeek.Monday], TimeWindow.FromHours(9, 0, 12, 0)) };
            }

            accounts.Add(account);
        }

        return new JourneyPlanRequest([position], JourneyCycle.Create(1), accounts.ToImmutable(), new GreatCircleTravelModel());
    }

    public static JourneyPlan Plan(JourneyPlanRequest request) =>
        new JourneyPlanner(Options).Plan(request, null, TestContext.Current.CancellationToken).AsT0;
}
