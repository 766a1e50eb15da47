using Territories.Journeys;
using Territories.Journeys.Planning;

namespace Territories.Tests.Journeys;

/// <summary>
/// Same input, same plan, in every process: the fingerprints of a fixed request planned with two
/// parallel searches and an iteration limit are the ones recorded when this test was written, in
/// another process (on another day, and before any change of the machine's hash seed). A planner
/// change that alters plans on purpose updates <see cref="RequestFingerprint"/> and
/// <see cref="PlanFingerprint"/> (the failure message prints the new values); a change that alters
/// them without meaning to has let process-dependent state (string hashes, <c>HashCode</c>, thread
/// timing) into the search.
/// </summary>
public class CrossProcessDeterminismTests
{
    private const string RequestFingerprint = "sha256:93fbf212225b081d2f9554bbb97d01065286e7d59e6928f97d347e5aae335191";
    private const string PlanFingerprint = "sha256:be0dbb42e6c0b14ce00b3b3a9735f8459e2909709ab5b3672dc2ec2db6557e65";

    [Fact]
    public void Plan_FixedRequestTwoSearchesIterationLimit_FingerprintsRecordedInAnotherProcess()
    {
        var request = Arbitraries.JourneyRequest(42);
        var options = new JourneyPlannerOptions { Seed = 7, Parallelism = 2, MaxIterations = 3000, TimeLimit = TimeSpan.FromMinutes(10), KeepPositionPerAccount = false };

        var plan = new JourneyPlanner(options).Plan(request, null, TestContext.Current.CancellationToken).AsT0;

        var actual = (Request: Fingerprint.Of(request, options), Plan: Fingerprint.Of(plan));
        Assert.True(actual == (RequestFingerprint, PlanFingerprint), $"request {actual.Request}, plan {actual.Plan}");
    }
}
