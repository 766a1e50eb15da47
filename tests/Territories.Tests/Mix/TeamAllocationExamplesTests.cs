using System.Collections.Immutable;
using Territories.Mix;
using Territories.Model;

using static Territories.Tests.Mix.CoverageTests;

namespace Territories.Tests.Mix;

/// <summary>Exact examples of the per-role allocation under a coverage model: messages, travel boundaries, exact splits, and the merged allocation.</summary>
public class TeamAllocationExamplesTests
{
    private static readonly SalesPosition Kam = Rep with { Id = new PositionId("kam"), Role = PositionRole.KeyAccountManager };

    private static readonly SalesPosition Desk = Rep with { Id = new PositionId("desk"), Role = PositionRole.InsideSales };

    [Fact]
    public void Plan_NoPositionOfTheRole_MessageCountsTheAccountsAndNamesTheFirst()
    {
        var error = Assert.Single(Failed(Team(Rep, Desk)).Errors);

        Assert.Equal((MixErrorCode.NoPositionForRole, "Role", "KeyAccountManager"), (error.Code, error.Field, error.Value));
        Assert.Equal("Territory 'T01': the coverage model gives 2 account(s) (first 'key-0') to a KeyAccountManager, but no working position of that role is in the territory.", error.Message);
    }

    [Fact]
    public void Plan_VacantPositionOfTheRole_CountsAsNoPosition()
    {
        var error = Assert.Single(Failed(Team(Rep, Kam with { IsVacant = true }, Desk)).Errors);

        Assert.Equal((MixErrorCode.NoPositionForRole, "KeyAccountManager"), (error.Code, error.Value));
        Assert.Equal(["T01", "key-0", "key-1"], error.Ids);
    }

    [Fact]
    public void Plan_VisitsGivenToTheDesk_RoleCannotVisitMessage()
    {
        var coverage = new CoverageModel { Rules = [new CoverageRule(PositionRole.InsideSales) { Channel = "phone" }] };

        var error = Assert.Single(Failed(Team(Rep, Desk), coverage).Errors);

        Assert.Equal((MixErrorCode.RoleCannotVisit, "Role", "InsideSales"), (error.Code, error.Field, error.Value));
        Assert.Equal("Territory 'T01': the coverage model gives 4 account(s) to visit (first 'phone-0') to a InsideSales, which works from the desk only; cover them with mode Remote or by a role that visits.", error.Message);
    }

    [Fact]
    public void Plan_TravelAboveTheVisitingPositionsTime_TravelDoesNotFitNamesBothTimes()
    {
        var team = Team(Rep, Kam, Desk) with { Travel = TimeSpan.FromHours(330) };

        var error = Assert.Single(Failed(team).Errors);

        Assert.Equal((MixErrorCode.TravelDoesNotFit, "T01", "Travel", "330"), (error.Code, error.Ids[0], error.Field, error.Value));
        Assert.Equal("Territory 'T01' needs 330 h of travel, but its positions that visit work 320 h per cycle.", error.Message);
    }

    [Fact]
    public void Plan_TravelEqualToTheVisitingPositionsTime_AllocatesTheDeskOnly()
    {
        var team = Team(Rep, Kam, Desk) with { Travel = TimeSpan.FromHours(320) };
        team = team with { Accounts = [.. team.Accounts.Select(a => a with { Visit = null })] };

        var mix = Planned(team).Territories.Single();

        Assert.Equal([TimeSpan.FromHours(160), TimeSpan.FromHours(160), TimeSpan.Zero], mix.Roles.Select(r => r.Travel));
        Assert.Equal([0L, 0L, 9600L], mix.Roles.Select(r => r.Allocation.CapacityUnits));
    }

    [Fact]
    public void Plan_RoleShortOfCapacity_ErrorsPrefixedWithTheRole()
    {
        // Each of the 6 shops asks 4 visits of 7 h: 168 h for the representative's 160 h.
        var team = Team(Rep, Kam, Desk);
        team = team with { Accounts = [.. team.Accounts.Select(a => a.Class == "A" ? a with { ServiceTime = TimeSpan.FromHours(7) } : a)], Travel = TimeSpan.Zero };

        var errors = Failed(team).Errors;

        var error = Assert.Single(errors);
        Assert.Equal(MixErrorCode.CapacityShortfall, error.Code);
        Assert.StartsWith("TerritoryRepresentative: The minimums need 10080 minute unit(s) but the capacity holds 9600", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_TwoPositionsOfOneRole_PositionsInIdOrderAndWorkingTimeSummed()
    {
        var team = Team(Rep with { Id = new PositionId("rep-b") }, Rep with { Id = new PositionId("rep-a") }, Kam, Desk);

        var rep = Planned(team).Territories.Single().Roles.Single(r => r.Role == PositionRole.TerritoryRepresentative);

        Assert.Equal(["rep-a", "rep-b"], rep.Positions.Select(p => p.Value));
        Assert.Equal(TimeSpan.FromHours(320), rep.WorkingTime);
    }

    [Fact]
    public void Plan_OneTickOfTravelOverEqualRoles_TheTickGoesToTheFirstRole()
    {
        var team = Team(Rep, Kam, Desk) with { Travel = TimeSpan.FromTicks(1) };

        var roles = Planned(team).Territories.Single().Roles;

        Assert.Equal([1L, 0L, 0L], roles.Select(r => r.Travel.Ticks));
    }

    [Fact]
    public void Plan_TwoTicksOfTravelSevenToThree_LargestRemainderGetsTheTick()
    {
        // Exact shares 1.4 and 0.6 ticks: floors 1 and 0, the tick left goes to the remainder 0.6.
        var rep = Rep with { DailyHours = TimeWindow.FromHours(9, 0, 16, 0), Break = TimeSpan.Zero };
        var kam = Kam with { DailyHours = TimeWindow.FromHours(9, 0, 12, 0), Break = TimeSpan.Zero };
        var team = Team(rep, kam, Desk) with { Travel = TimeSpan.FromTicks(2) };
        team = team with { Accounts = [.. team.Accounts.Select(a => a with { ServiceTime = TimeSpan.FromMinutes(5) })] };

        var roles = Planned(team).Territories.Single().Roles;

        Assert.Equal([1L, 1L, 0L], roles.Select(r => r.Travel.Ticks));
    }

    [Fact]
    public void Plan_ThreeRoles_MergedAllocationIsTheSumOfTheRolesInIdOrder()
    {
        var options = new MixPlanningOptions
        {
            Allocation = new MixAllocationOptions { ActivityLimits = new Dictionary<string, ActivityLimit> { ["audit"] = new(TimeSpan.FromHours(1), TimeSpan.FromHours(100)) } },
        };
        var team = Team(Rep, Kam, Desk) with { Travel = TimeSpan.FromMinutes(7) };

        var mix = new SalesMixPlanner(options).Plan(new MixPlanningRequest([team], Cycle) { Coverage = KeyAndPhone }).AsT0.Territories.Single();
        var merged = mix.Allocation;
        var roles = mix.Roles.Select(r => r.Allocation).ToList();

        // Travel 3.5 minutes for each role that visits: half a minute of each of their capacities is not allocated.
        Assert.Equal([TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30), TimeSpan.Zero], roles.Select(r => r.Remainder));
        Assert.Equal(TimeSpan.FromMinutes(1), merged.Remainder);
        Assert.Equal(9596 + 9596 + 9600, merged.CapacityUnits);

        var ids = ActivityType.Defaults.Select(t => t.Id).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(ids, merged.Activities.Select(a => a.Activity));
        foreach (var activity in merged.Activities)
        {
            Assert.Equal(ActivityType.Defaults.Single(t => t.Id == activity.Activity).Channel, activity.Channel);
            Assert.Equal(roles.Sum(r => r.UnitsOf(activity.Activity)), activity.Units);
            Assert.Equal(TimeSpan.FromMinutes(activity.Units), activity.Time);
            Assert.Equal(roles.Sum(r => r.Activities.Single(a => a.Activity == activity.Activity).MinimumUnits), activity.MinimumUnits);
        }

        var audit = merged.Activities.Single(a => a.Activity == "audit");
        Assert.Equal((long?)18000L, audit.MaximumUnits);
        Assert.True(audit.MinimumUnits > roles.Max(r => r.Activities.Single(a => a.Activity == "audit").MinimumUnits), $"audit minimum {audit.MinimumUnits}");
        Assert.Null(merged.Activities.Single(a => a.Activity == "demo").MaximumUnits);

        Assert.True(merged.Slack.Length >= 2, $"{merged.Slack.Length} slack entries");
        Assert.Equal(merged.Slack.Select(s => s.Activity).Order(StringComparer.Ordinal), merged.Slack.Select(s => s.Activity));
        Assert.All(merged.Slack, s => Assert.Equal(TimeSpan.FromMinutes(s.Units), s.Time));
        Assert.Equal(roles.Sum(r => r.SlackUnits), merged.SlackUnits);

        Assert.Equal(team.Accounts.Select(a => a.Id).Order(), merged.Accounts.Select(a => a.Account));
    }

    [Fact]
    public void Plan_TargetWithoutRemoteShare_DeskSharesTheRemoteActivitiesEqually()
    {
        var options = new MixPlanningOptions { Rules = MixRules.None with { DefaultMix = ImmutableDictionary<string, double>.Empty.Add("order-taking", 1) } };
        var team = Team(Rep, Kam, Desk);
        team = team with { Accounts = [.. team.Accounts.Select(a => a with { ActivityNeeds = ImmutableDictionary<string, double>.Empty })] };

        var mix = new SalesMixPlanner(options).Plan(new MixPlanningRequest([team], Cycle) { Coverage = KeyAndPhone }).AsT0.Territories.Single();

        Assert.Equal(1.0, mix.Target["order-taking"]);
        var desk = mix.Roles.Single(r => r.Role == PositionRole.InsideSales);
        Assert.All(ActivityType.Defaults, t => Assert.Equal(t.Channel == ActivityChannel.Remote ? 0.25 : 0, desk.Target[t.Id], 12));
        Assert.Equal(1.0, mix.Roles.Single(r => r.Role == PositionRole.TerritoryRepresentative).Target["order-taking"]);
    }

    private static MixFailure Failed(MixTerritoryRequest team, CoverageModel? coverage = null)
    {
        var result = new SalesMixPlanner().Plan(new MixPlanningRequest([team], Cycle) { Coverage = coverage ?? KeyAndPhone });
        Assert.True(result.IsT1, "planned where a failure was expected");
        return result.AsT1;
    }

    private static MixPlan Planned(MixTerritoryRequest team)
    {
        var result = new SalesMixPlanner().Plan(new MixPlanningRequest([team], Cycle) { Coverage = KeyAndPhone });
        Assert.True(result.IsT0, result.IsT1 ? string.Join("; ", result.AsT1.Errors.Select(e => e.Message)) : "");
        return result.AsT0;
    }
}
