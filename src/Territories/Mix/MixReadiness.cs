using System.Collections.Immutable;
using System.Globalization;
using Territories.Internal;
using Territories.Model;

namespace Territories.Mix;

/// <summary>
/// What a sales mix would be derived without: territories with no market position or no sales,
/// products without roles or weights, accounts without a journey stage, needs or visit requirement.
/// </summary>
/// <remarks>
/// The derivation (<see cref="SalesMixPlanner"/>) works with what it is given and leaves out a part
/// with no data (see <see cref="MixGap"/>); this report names each such gap per territory, so that a
/// mix is never silently thinner than the user thinks. Stateless, thread-safe, O(accounts).
/// </remarks>
public static class MixReadiness
{
    private const int ListedIds = 10;

    /// <summary>Every gap of every territory of <paramref name="request"/>, by territory id then gap.</summary>
    /// <param name="request">The planning request the mix will be derived for.</param>
    /// <returns>The gaps; empty when every part of the derivation has data.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is null.</exception>
    public static ImmutableArray<MixReadinessItem> Check(MixPlanningRequest request)
    {
        Guard.NotNull(request);
        var roles = request.ProductRoles.Select(r => r.ProductId).ToHashSet(StringComparer.Ordinal);
        var items = new List<MixReadinessItem>();
        foreach (var territory in request.Territories.OrderBy(t => t.Territory.Id.Value, StringComparer.Ordinal))
        {
            var id = territory.Territory.Id;
            if (territory.Market is not { } market)
            {
                items.Add(new MixReadinessItem(MixGap.NoMarketPosition, id, 1, [], "No market position: the mix has no strategy or product part."));
            }
            else
            {
                if (market.Sales <= 0)
                {
                    items.Add(new MixReadinessItem(MixGap.NoSales, id, 1, [], Text($"No sales against a potential of {market.Potential:N0}: share 0, so the strategy follows from potential alone.")));
                }

                var orphans = market.ProductWeights.Where(p => p.Value > 0 && !roles.Contains(p.Key)).Select(p => p.Key).Order(StringComparer.Ordinal).ToList();
                if (orphans.Count > 0)
                {
                    items.Add(new MixReadinessItem(MixGap.ProductWithoutRole, id, orphans.Count, [.. orphans.Take(ListedIds)], Text($"{orphans.Count} weighted product(s) have no product role and are left out.")));
                }

                if (!market.ProductWeights.Any(p => p.Value > 0 && roles.Contains(p.Key)))
                {
                    items.Add(new MixReadinessItem(MixGap.NoProductWeights, id, 1, [], "No weighted product with a role: the mix has no product part."));
                }
            }

            Accounts(items, id, territory.Accounts.Where(a => a.Stage == JourneyStage.Unknown), MixGap.AccountsWithoutStage, "account(s) have no journey stage and are taken as established");
            if (territory.Accounts.Length > 0 && territory.Accounts.All(a => a.ActivityNeeds.IsEmpty))
            {
                items.Add(new MixReadinessItem(MixGap.NoActivityNeeds, id, territory.Accounts.Length, [], Text($"None of its {territory.Accounts.Length} account(s) states activity needs: the mix has no needs part.")));
            }

            Accounts(items, id, territory.Accounts.Where(a => a.Visit is null), MixGap.AccountsWithoutVisits, "account(s) have no visit requirement and get no field time");
        }

        return [.. items];
    }

    private static void Accounts(List<MixReadinessItem> items, TerritoryId territory, IEnumerable<Account> accounts, MixGap gap, string what)
    {
        var ids = accounts.Select(a => a.Id.Value).Order(StringComparer.Ordinal).ToList();
        if (ids.Count > 0)
        {
            items.Add(new MixReadinessItem(gap, territory, ids.Count, [.. ids.Take(ListedIds)], Text($"{ids.Count} {what}.")));
        }
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
