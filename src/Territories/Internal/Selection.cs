namespace Territories.Internal;

/// <summary>Partial selection: the k smallest keys without sorting them all.</summary>
internal static class Selection
{
    /// <summary>
    /// Reorders <paramref name="keys"/> and <paramref name="items"/> together so that the first
    /// <paramref name="k"/> keys are the k smallest (in no particular order). Expected linear time
    /// (Hoare's selection with a median-of-three pivot); deterministic: the same input gives the same
    /// order. NaN keys are not allowed.
    /// </summary>
    public static void Smallest(Span<double> keys, Span<int> items, int k)
    {
        Guard.That(keys.Length == items.Length, "One item per key is needed.", nameof(items));
        if (k <= 0 || k >= keys.Length)
        {
            return;
        }

        int lo = 0, hi = keys.Length - 1;
        var target = k - 1;
        while (lo < hi)
        {
            var mid = lo + ((hi - lo) / 2);
            var pivot = MedianOfThree(keys[lo], keys[mid], keys[hi]);
            int i = lo, j = hi;
            while (i <= j)
            {
                while (keys[i] < pivot)
                {
                    i++;
                }

                while (keys[j] > pivot)
                {
                    j--;
                }

                if (i <= j)
                {
                    (keys[i], keys[j]) = (keys[j], keys[i]);
                    (items[i], items[j]) = (items[j], items[i]);
                    i++;
                    j--;
                }
            }

            // Now keys[lo..j] <= pivot <= keys[i..hi], and keys strictly between j and i equal the pivot.
            if (target <= j)
            {
                hi = j;
            }
            else if (target >= i)
            {
                lo = i;
            }
            else
            {
                return;
            }
        }
    }

    private static double MedianOfThree(double a, double b, double c) =>
        a < b ? (b < c ? b : Math.Max(a, c)) : (a < c ? a : Math.Max(b, c));
}
