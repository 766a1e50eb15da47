using System.Collections.Immutable;
using OneOf;
using Territories.Model;

namespace Territories.Mix;

/// <summary>The derivation behind <see cref="SalesMix.Derive"/>: a linear blend of normalised parts, so each share splits exactly by rule.</summary>
internal static class MixDeriver
{
    public static OneOf<MixDerivation, MixFailure> Derive(MixDerivationInput input, MixRules rules)
    {
        var known = input.ActivityTypes.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        var errors = new List<MixError>();
        CheckRules(rules, known, errors);
        var accounts = input.Accounts.OrderBy(a => a.Id).ToList();
        foreach (var account in accounts)
        {
            MixErrors.CheckWeights(account.ActivityNeeds, known, [ItemRef.Of(account.Id)], "ActivityNeeds", errors);
        }

        if (input.Market is { } marketToCheck)
        {
            foreach (var (product, weight) in marketToCheck.ProductWeights.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                if (!double.IsFinite(weight) || weight < 0)
                {
                    errors.Add(MixErrors.Error(MixErrorCode.NegativeValue, new ItemRef(ItemKind.MarketPosition, marketToCheck.Territory.Value), $"ProductWeights[{product}]", MixErrors.Text(weight), $"The weight of product '{product}' must be a finite number, zero or more."));
                }
            }
        }

        if (errors.Count > 0)
        {
            return new MixFailure([.. errors]);
        }

        // Each part: its blend weight, and its sub-sources with their weight inside the part and their normalised mix.
        var parts = new List<(double Weight, List<(string Source, double Alpha, Dictionary<string, double> Mix)> Items)>();
        AddPart(parts, rules.DefaultMixWeight, [("default", 1.0, rules.DefaultMix)]);

        // Needs near double.MaxValue overflow when added: then add them divided by the largest (the part is normalised anyway).
        var allNeeds = accounts.SelectMany(a => a.ActivityNeeds.Values).ToList();
        var needScale = double.IsFinite(allNeeds.Sum()) ? 1.0 : allNeeds.Max();
        var needs = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var account in accounts)
        {
            foreach (var (activity, hours) in account.ActivityNeeds)
            {
                needs[activity] = needs.GetValueOrDefault(activity) + (hours / needScale);
            }
        }

        AddPart(parts, rules.NeedsWeight, [("needs", 1.0, needs)]);

        var ruled = accounts
            .Select(a => a.Stage == JourneyStage.Unknown ? JourneyStage.Established : a.Stage)
            .Where(s => rules.StageMixes.TryGetValue(s, out var table) && table.Values.Sum() > 0)
            .ToList();
        AddPart(parts, rules.StageWeight, [.. ruled.GroupBy(s => s).OrderBy(g => g.Key).Select(g => ($"stage:{g.Key}", (double)g.Count() / ruled.Count, (IEnumerable<KeyValuePair<string, double>>)rules.StageMixes[g.Key]))]);

        var strategy = MarketStrategy.Unspecified;
        if (input.Market is { } market)
        {
            strategy = rules.StrategyOf(market, input.PotentialThreshold);
            if (rules.StrategyMixes.TryGetValue(strategy, out var strategyMix))
            {
                AddPart(parts, rules.StrategyWeight, [($"strategy:{strategy}", 1.0, strategyMix)]);
            }

            var roles = input.ProductRoles.GroupBy(r => r.ProductId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
            var products = market.ProductWeights
                .Where(p => p.Value > 0 && roles.ContainsKey(p.Key))
                .Select(p => (Product: p.Key, p.Value, Emphasis: EmphasisOf(roles[p.Key], rules)))
                .Where(p => p.Emphasis.Values.Sum() > 0)
                .OrderBy(p => p.Product, StringComparer.Ordinal)
                .ToList();
            var total = products.Sum(p => p.Value);
            AddPart(parts, rules.ProductWeight, [.. products.Select(p => ($"product:{p.Product}", p.Value / total, p.Emphasis))]);
        }

        var weightSum = parts.Sum(p => p.Weight);
        if (weightSum <= 0)
        {
            return new MixFailure([MixErrors.Error(MixErrorCode.EmptyMix, ItemRef.Of(input.Territory), "Rules", null, "No rule applies with a positive weight: give the default mix a positive weight.")]);
        }

        var contributions = new List<MixContribution>();
        var shares = known.ToDictionary(k => k, _ => 0.0, StringComparer.Ordinal);
        foreach (var (weight, items) in parts)
        {
            foreach (var (source, alpha, mix) in items)
            {
                foreach (var (activity, value) in mix)
                {
                    if (value > 0)
                    {
                        var share = weight / weightSum * alpha * value;
                        contributions.Add(new MixContribution(activity, source, share));
                        shares[activity] += share;
                    }
                }
            }
        }

        contributions.Sort((x, y) =>
        {
            var c = string.CompareOrdinal(x.Activity, y.Activity);
            return c != 0 ? c : string.CompareOrdinal(x.Source, y.Source);
        });
        return new MixDerivation(input.Territory, SalesMix.FromTrusted(shares), strategy, [.. contributions]);
    }

    private static ImmutableDictionary<string, double> EmphasisOf(ProductRole role, MixRules rules) =>
        !role.ActivityEmphasis.IsEmpty ? role.ActivityEmphasis : rules.ProductRoleMixes.GetValueOrDefault(role.Kind) ?? ImmutableDictionary<string, double>.Empty;

    private static void AddPart(
        List<(double Weight, List<(string Source, double Alpha, Dictionary<string, double> Mix)> Items)> parts,
        double weight,
        IEnumerable<(string Source, double Alpha, IEnumerable<KeyValuePair<string, double>> Weights)> items)
    {
        if (weight <= 0)
        {
            return;
        }

        var normalised = new List<(string Source, double Alpha, Dictionary<string, double> Mix)>();
        foreach (var (source, alpha, weights) in items)
        {
            var list = weights.ToList();
            var sum = list.Sum(w => w.Value);
            if (!double.IsFinite(sum))
            {
                var largest = list.Max(w => w.Value);
                list = [.. list.Select(w => KeyValuePair.Create(w.Key, w.Value / largest))];
                sum = list.Sum(w => w.Value);
            }
            if (alpha > 0 && sum > 0)
            {
                normalised.Add((source, alpha, list.ToDictionary(w => w.Key, w => w.Value / sum, StringComparer.Ordinal)));
            }
        }

        if (normalised.Count > 0)
        {
            parts.Add((weight, normalised));
        }
    }

    private static void CheckRules(MixRules rules, IReadOnlySet<string> known, List<MixError> errors)
    {
        foreach (var (name, weight) in new[]
        {
            (nameof(MixRules.DefaultMixWeight), rules.DefaultMixWeight), (nameof(MixRules.NeedsWeight), rules.NeedsWeight),
            (nameof(MixRules.StageWeight), rules.StageWeight), (nameof(MixRules.StrategyWeight), rules.StrategyWeight),
            (nameof(MixRules.ProductWeight), rules.ProductWeight), (nameof(MixRules.HighShareThreshold), rules.HighShareThreshold),
        })
        {
            if (!double.IsFinite(weight) || weight < 0)
            {
                errors.Add(MixErrors.Error(MixErrorCode.NegativeValue, [], name, MixErrors.Text(weight), $"{name} must be a finite number, zero or more."));
            }
        }

        MixErrors.CheckWeights(rules.DefaultMix, known, [], nameof(MixRules.DefaultMix), errors);
        foreach (var (stage, table) in rules.StageMixes.OrderBy(s => s.Key))
        {
            MixErrors.CheckWeights(table, known, [], $"{nameof(MixRules.StageMixes)}[{stage}]", errors);
        }

        foreach (var (strategy, table) in rules.StrategyMixes.OrderBy(s => s.Key))
        {
            MixErrors.CheckWeights(table, known, [], $"{nameof(MixRules.StrategyMixes)}[{strategy}]", errors);
        }

        foreach (var (kind, table) in rules.ProductRoleMixes.OrderBy(s => s.Key))
        {
            MixErrors.CheckWeights(table, known, [], $"{nameof(MixRules.ProductRoleMixes)}[{kind}]", errors);
        }
    }
}
