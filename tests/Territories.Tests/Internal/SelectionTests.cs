using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Territories.Internal;

namespace Territories.Tests.Internal;

public class SelectionTests
{
    [Fact]
    public void Smallest_PutsTheKSmallestKeysFirstWithTheirItems()
    {
        double[] keys = [5, 1, 4, 1, 9, 2, 6];
        int[] items = [0, 1, 2, 3, 4, 5, 6];

        Selection.Smallest(keys, items, 3);

        Assert.Equal([1, 1, 2], keys[..3].Order());
        Assert.Equal([1, 3, 5], items[..3].Order());
    }

    [Property]
    public Property Smallest_FirstKAreTheKSmallest_AndKeysTravelWithTheirItems() =>
        Prop.ForAll(
            Gen.Choose(-50, 50).Select(x => (double)x).ArrayOf().ToArbitrary(),
            Gen.Choose(0, 60).ToArbitrary(),
            (values, k) =>
            {
                var keys = (double[])values.Clone();
                var items = Enumerable.Range(0, keys.Length).ToArray();

                Selection.Smallest(keys, items, k);

                var expected = values.Order().Take(Math.Min(k, values.Length)).ToArray();
                var first = keys.Take(Math.Min(k, keys.Length)).Order().ToArray();
                return expected.SequenceEqual(first)
                    && items.Order().SequenceEqual(Enumerable.Range(0, values.Length))
                    && items.Select((item, i) => values[item] == keys[i]).All(x => x);
            });
}
