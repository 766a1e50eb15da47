using System.Collections.Immutable;
using Territories.Internal;
using Territories.Model;
using Territories.Travel;

namespace Territories.Workload;

/// <summary>
/// Estimates the work a journey plan of a set of accounts will take a position: service, travel
/// between visits and the stem from the base, per territory and apportioned to each account.
/// </summary>
/// <remarks>
/// <para>
/// For accounts i with v<sub>i</sub> visits per cycle of s<sub>i</sub> each, in a cycle of W weeks:
/// service = Σ v<sub>i</sub> s<sub>i</sub>; travel = <see cref="WorkloadOptions.TourFactor"/> ×
/// Σ v<sub>i</sub> ℓ<sub>i</sub> √(n W ÷ V), where ℓ<sub>i</sub> is the account's local leg (mean
/// travel time to its two nearest other locations among the n distinct locations), V = Σ v<sub>i</sub>,
/// and the root stretches the legs to the density of one week's visits; stem =
/// <see cref="WorkloadOptions.StemFactor"/> × days used × 2 × r̄, with r̄ the visit-weighted mean travel
/// time from the base. Days used is the fewest days (at most the working days, at least the most
/// visits one account needs) that hold the work at <see cref="WorkloadOptions.DayFill"/> of a day
/// each, since a planner that minimises travel packs days and saves their stems.
/// </para>
/// <para>
/// Per account (<see cref="Apportion"/>), the same terms split so that they add up to the territory's:
/// its service, its legs, and its visits' share of the stem in proportion to its distance from the base.
/// </para>
/// <para>
/// An estimate, not a plan: opening hours, waiting and the detours they force are not modelled (the
/// alignment loop of <see cref="TerritoryAligner"/> corrects them from real plans). Deterministic and
/// thread-safe; O(n) expected for the local legs plus one travel time per account.
/// </para>
/// </remarks>
public sealed class WorkloadEstimator
{
    private readonly WorkloadOptions _options;

    /// <summary>Creates an estimator from validated, copied options.</summary>
    /// <param name="options">The constants; null for the defaults.</param>
    /// <exception cref="ArgumentException">The options are not valid (every failure is listed).</exception>
    public WorkloadEstimator(WorkloadOptions? options = null) => _options = EngineOptions.Checked(options);

    /// <summary>The estimated workload of <paramref name="position"/> serving <paramref name="accounts"/> over <paramref name="cycle"/>.</summary>
    /// <param name="accounts">The territory's accounts; those without a visit requirement add nothing.</param>
    /// <param name="position">The position: its base (null to choose one with <see cref="BaseLocator"/>), working days, daily hours and break.</param>
    /// <param name="cycle">The journey cycle.</param>
    /// <param name="travel">The travel model the plan will use.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="accounts"/> is empty.</exception>
    public TerritoryWorkload Estimate(IReadOnlyList<Account> accounts, SalesPosition position, JourneyCycle cycle, ITravelModel travel)
    {
        var (parts, home) = Checked(accounts, position, cycle, travel);
        return parts.Workload(accounts.Count, home, Capacity.Of(position, cycle));
    }

    /// <summary>
    /// The estimate of <see cref="Estimate"/> split per account (service, its legs, its share of the
    /// stem), in the order of <paramref name="accounts"/>; the shares add up to the territory's total.
    /// </summary>
    /// <inheritdoc cref="Estimate" />
    public ImmutableArray<TimeSpan> Apportion(IReadOnlyList<Account> accounts, SalesPosition position, JourneyCycle cycle, ITravelModel travel) =>
        [.. Checked(accounts, position, cycle, travel).Parts.Shares.Select(TimeSpan.FromSeconds)];

    /// <summary>
    /// The number of positions the work of <paramref name="accounts"/> needs: the fewest whose
    /// estimated mean utilisation is at most <paramref name="targetUtilisation"/> (the workload
    /// method of sales-force sizing).
    /// </summary>
    /// <remarks>
    /// Service and travel between visits do not depend on how the accounts are split; the stems do:
    /// with k territories of similar size, the mean distance from a base shrinks as 1 ÷ √k of the
    /// distance from the base of all accounts (linear size of a k-th of the area), while each position
    /// drives its own stems on the days it uses.
    /// </remarks>
    /// <param name="accounts">All accounts to serve.</param>
    /// <param name="position">A typical position: working days, daily hours and break (its base is ignored).</param>
    /// <param name="cycle">The journey cycle.</param>
    /// <param name="travel">The travel model the plans will use.</param>
    /// <param name="targetUtilisation">The utilisation to size for, in (0, 1]; 0.85 is usual.</param>
    /// <returns>The positions and the figures; or null when the position has no working time.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="accounts"/> is empty, or the target is not in (0, 1].</exception>
    public SizingResult? Size(IReadOnlyList<Account> accounts, SalesPosition position, JourneyCycle cycle, ITravelModel travel, double targetUtilisation = 0.85)
    {
        Guard.NotNull(accounts);
        Guard.NotNull(position);
        Guard.NotNull(cycle);
        Guard.NotNull(travel);
        Guard.That(accounts.Count > 0, "Sizing needs at least one account.", nameof(accounts));
        Guard.That(double.IsFinite(targetUtilisation) && targetUtilisation > 0 && targetUtilisation <= 1, $"The target utilisation must be in (0, 1] (was {targetUtilisation}).", nameof(targetUtilisation));
        var capacity = Capacity.Of(position, cycle);
        if (capacity.Seconds <= 0)
        {
            return null;
        }

        var demands = accounts.Select(a => AccountDemand.Of(a, cycle)).ToArray();
        var home = BaseLocator.Choose(accounts, cycle, travel);
        var all = Parts([.. accounts.Select(a => a.Location)], demands, home, capacity, travel);
        var positions = 1;
        var limit = Math.Max(1, accounts.Count);
        while (positions < limit && AtPositions(all, capacity, positions).Utilisation > targetUtilisation)
        {
            positions++;
        }

        var chosen = AtPositions(all, capacity, positions);
        return new SizingResult
        {
            Positions = positions,
            TargetUtilisation = targetUtilisation,
            Visits = all.Visits,
            Service = TimeSpan.FromSeconds(all.Service),
            Travel = TimeSpan.FromSeconds(all.Tour),
            Stem = TimeSpan.FromSeconds(chosen.Stem),
            CapacityPerPosition = TimeSpan.FromSeconds(capacity.Seconds),
            Utilisation = chosen.Utilisation,
            UtilisationWithOneFewer = positions > 1 ? AtPositions(all, capacity, positions - 1).Utilisation : null,
        };
    }

    private (Estimate Parts, GeoPoint Home) Checked(IReadOnlyList<Account> accounts, SalesPosition position, JourneyCycle cycle, ITravelModel travel)
    {
        Guard.NotNull(accounts);
        Guard.NotNull(position);
        Guard.NotNull(cycle);
        Guard.NotNull(travel);
        Guard.That(accounts.Count > 0, "A workload needs at least one account.", nameof(accounts));
        var demands = accounts.Select(a => AccountDemand.Of(a, cycle)).ToArray();
        var home = position.Base ?? BaseLocator.Choose(accounts, cycle, travel);
        return (Parts([.. accounts.Select(a => a.Location)], demands, home, Capacity.Of(position, cycle), travel), home);
    }

    /// <summary>Stems (seconds) and mean utilisation when the accounts of <paramref name="all"/> are split among <paramref name="k"/> positions.</summary>
    internal (double Stem, double Utilisation) AtPositions(Estimate all, Capacity capacity, int k)
    {
        var stemPerDay = _options.StemFactor * 2 * all.Radius / Math.Sqrt(k);
        var work = (all.Service + all.Tour) / k;
        var day = capacity.DaySeconds * _options.DayFill;
        var days = all.Visits == 0 ? 0 : day > stemPerDay ? Math.Clamp(Math.Ceiling(work / (day - stemPerDay)), Math.Max(1, all.MostVisits), Math.Max(1, capacity.Days)) : capacity.Days;
        var stem = k * days * stemPerDay;
        return (stem, (all.Service + all.Tour + stem) / (k * capacity.Seconds));
    }

    internal Estimate Parts(IReadOnlyList<GeoPoint> locations, IReadOnlyList<AccountDemand> demands, GeoPoint home, Capacity capacity, ITravelModel travel)
    {
        var n = locations.Count;
        var distinct = new Dictionary<GeoPoint, int>();
        var index = new int[n];
        var points = new List<GeoPoint>();
        for (var i = 0; i < n; i++)
        {
            if (!distinct.TryGetValue(locations[i], out var k))
            {
                distinct[locations[i]] = k = points.Count;
                points.Add(locations[i]);
            }

            index[i] = k;
        }

        var legs = LocalLegs.Seconds(points, travel);
        double visits = 0, service = 0, tour = 0, radius = 0;
        var fromBase = new double[n];
        for (var i = 0; i < n; i++)
        {
            visits += demands[i].Visits;
            service += demands[i].Service.TotalSeconds;
            fromBase[i] = travel.Duration(home, locations[i]).TotalSeconds;
            radius += demands[i].Visits * fromBase[i];
        }

        var stretch = visits > 0 ? Math.Sqrt(points.Count * capacity.Weeks / visits) : 0;
        for (var i = 0; i < n; i++)
        {
            tour += demands[i].Visits * legs[index[i]];
        }

        tour *= _options.TourFactor * stretch;
        radius = visits > 0 ? radius / visits : 0;
        var stemPerDay = _options.StemFactor * 2 * radius;
        var day = capacity.DaySeconds * _options.DayFill;
        // An account with v visits needs v distinct days, so no plan uses fewer days than the most visits.
        var fewest = Math.Min(capacity.Days, demands.Count == 0 ? 0 : demands.Max(d => d.Visits));
        var days = capacity.Days;
        if (visits > 0 && day > stemPerDay)
        {
            days = Math.Clamp((int)Math.Ceiling((service + tour) / (day - stemPerDay)), Math.Max(1, fewest), Math.Max(1, capacity.Days));
        }
        else if (visits <= 0)
        {
            days = 0;
        }

        var stem = days * stemPerDay;
        var shares = new double[n];
        var tours = new double[n];
        var weightedDistance = radius * visits;
        for (var i = 0; i < n; i++)
        {
            tours[i] = _options.TourFactor * stretch * demands[i].Visits * legs[index[i]];
            var share = demands[i].Service.TotalSeconds + tours[i];
            if (weightedDistance > 0)
            {
                share += stem * demands[i].Visits * fromBase[i] / weightedDistance;
            }

            shares[i] = share;
        }

        return new Estimate((int)visits, service, tour, stem, days, shares, tours, radius, fewest);
    }
}
