using Territories.Travel;

namespace Territories.Tests.Travel;

public class TravelMatrixTests
{
    [Fact]
    public void Create_ReadsRowMajor()
    {
        var matrix = TravelMatrix.Create(2, [0, 10, 20, 0], [0, 1, 2, 0]);

        Assert.Equal(2, matrix.Count);
        Assert.Equal(10, matrix.DistanceMetres(0, 1));
        Assert.Equal(20, matrix.DistanceMetres(1, 0));
        Assert.Equal(2, matrix.DurationSeconds(1, 0));
        Assert.Equal(TimeSpan.FromSeconds(1), matrix.Duration(0, 1));
    }

    [Fact]
    public void Create_CopiesItsInput()
    {
        double[] metres = [0, 10, 20, 0];
        var matrix = TravelMatrix.Create(2, metres, [0, 1, 2, 0]);

        metres[1] = 99;

        Assert.Equal(10, matrix.DistanceMetres(0, 1));
    }

    [Theory]
    [InlineData(2, 3, 4, "distancesMetres")]
    [InlineData(2, 4, 5, "durationsSeconds")]
    [InlineData(3, 4, 4, "distancesMetres")]
    [InlineData(0, 1, 0, "distancesMetres")]
    public void Create_WrongSizes_ThrowsNamingTheList(int count, int distances, int durations, string name)
    {
        var ex = Assert.Throws<ArgumentException>(() => TravelMatrix.Create(count, new double[distances], new double[durations]));

        Assert.Equal(name, ex.ParamName);
    }

    [Theory]
    [InlineData(-1.0, 1.0, "distancesMetres")]
    [InlineData(double.NaN, 1.0, "distancesMetres")]
    [InlineData(double.PositiveInfinity, 1.0, "distancesMetres")]
    [InlineData(1.0, -0.5, "durationsSeconds")]
    [InlineData(1.0, double.NaN, "durationsSeconds")]
    public void Create_BadCell_ThrowsNamingTheListAndTheCell(double metres, double seconds, string name)
    {
        var ex = Assert.Throws<ArgumentException>(() => TravelMatrix.Create(3, [0, 1, 1, 1, 0, 1, 1, metres, 0], [0, 1, 1, 1, 0, 1, 1, seconds, 0]));

        Assert.Equal(name, ex.ParamName);
        Assert.Contains("from 2 to 1", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_NegativeCount_Throws() =>
        Assert.Equal("count", Assert.Throws<ArgumentOutOfRangeException>(() => TravelMatrix.Create(-1, [], [])).ParamName);

    [Fact]
    public void Create_CountWhoseSquareOverflows_ThrowsArgumentException() =>
        Assert.Throws<ArgumentException>(() => TravelMatrix.Create(100_000, [], []));

    [Theory]
    [InlineData(-1, 0, "from")]
    [InlineData(2, 0, "from")]
    [InlineData(0, 2, "to")]
    [InlineData(1, -5, "to")]
    public void DistanceMetres_IndexOutOfRange_ThrowsNamingTheIndex(int from, int to, string name)
    {
        var matrix = TravelMatrix.Create(2, [0, 1, 1, 0], [0, 1, 1, 0]);

        Assert.Equal(name, Assert.Throws<ArgumentOutOfRangeException>(() => matrix.DistanceMetres(from, to)).ParamName);
        Assert.Equal(name, Assert.Throws<ArgumentOutOfRangeException>(() => matrix.Duration(from, to)).ParamName);
    }

    [Fact]
    public void Build_MoreLocationsThanFit_ThrowsOutOfRangeNotOverflow()
    {
        // Issue 17: 46,341² overflows int and Build threw OverflowException; the check comes before allocating.
        Assert.True(TravelMatrix.Fits(46_340));
        Assert.False(TravelMatrix.Fits(46_341));
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => TravelMatrix.Build(46_341, (_, _) => (0, 0)));
        Assert.Equal("count", ex.ParamName);
    }

    [Fact]
    public void Matrix_BuiltInModelWithMoreLocationsThanAStoredMatrixHolds_ComputesPairsInsteadOfThrowing()
    {
        // Issue 17 item 3: from 46,341 locations the stored matrix overflowed; above the stored limit the
        // built-in models compute each pair when asked (memory linear in the count).
        var model = new EuclideanTravelModel(1000, 10);
        var many = new SameEverywhere(46_341);

        var matrix = model.Matrix(many);

        Assert.False(matrix.IsStored);
        Assert.Equal(46_341, matrix.Count);
        Assert.Equal(0, matrix.DistanceMetres(46_340, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => matrix.DistanceMetres(46_341, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => matrix.DurationSeconds(0, -1));
    }

    [Fact]
    public void Matrix_BuiltInModelsAboveTheStoredLimit_AnswerEveryPairAsTheStoredMatrixDoes()
    {
        // A plan must not depend on how its matrix is held: computed pairs equal stored ones bit for bit.
        var random = new Random(3);
        var points = Enumerable.Range(0, TravelMatrix.StoredLimit + 1)
            .Select(_ => new Territories.Model.GeoPoint(38 + (random.NextDouble() * 4), -85 + (random.NextDouble() * 5)))
            .ToArray();
        var table = TravelMatrix.Create(3, [0, 1000, 2500, 1100, 0, 900, 2400, 950, 0], [0, 60, 150, 66, 0, 54, 144, 57, 0]);
        ITravelModel[] models =
        [
            new GreatCircleTravelModel(40, 1.3),
            new EuclideanTravelModel(1000, 10),
            new MatrixTravelModel(points[..3], table),
        ];
        foreach (var model in models)
        {
            var all = model is MatrixTravelModel ? [.. Enumerable.Range(0, TravelMatrix.StoredLimit + 1).Select(i => points[i % 3])] : points;
            var computed = model.Matrix(all);
            var stored = model.Matrix(all[..50]);

            Assert.False(computed.IsStored);
            Assert.True(stored.IsStored);
            for (var i = 0; i < 50; i++)
            {
                for (var j = 0; j < 50; j++)
                {
                    Assert.Equal(stored.DistanceMetres(i, j), computed.DistanceMetres(i, j));
                    Assert.Equal(stored.DurationSeconds(i, j), computed.DurationSeconds(i, j));
                    Assert.Equal(model.DistanceMetres(all[i], all[j]), computed.DistanceMetres(i, j));
                }
            }
        }
    }

    [Fact]
    public void Matrix_TableModelWithALocationOutsideItsTable_StaysStoredAndUsesTheFallback()
    {
        var points = new Territories.Model.GeoPoint[] { new(40, -83), new(41, -83) };
        var table = TravelMatrix.Create(2, [0, 5000, 5000, 0], [0, 300, 300, 0]);
        var model = new MatrixTravelModel(points, table, new GreatCircleTravelModel());
        var many = Enumerable.Range(0, TravelMatrix.StoredLimit + 1).Select(i => i == 7 ? new Territories.Model.GeoPoint(42, -83) : points[i % 2]).ToArray();

        var matrix = model.Matrix(many);

        Assert.True(matrix.IsStored);
        Assert.Equal(5000, matrix.DistanceMetres(0, 1));
        Assert.Equal(new GreatCircleTravelModel().DistanceMetres(many[7], points[0]), matrix.DistanceMetres(7, 0));
    }

    [Fact]
    public void Matrix_BuiltInModels_CallBackOncePerRowAndStopWhenTheCallbackThrows()
    {
        // The planner's stop condition interrupts the matrix build through this callback (issue 17).
        ITravelModel[] models = [new EuclideanTravelModel(1000, 10), new GreatCircleTravelModel(40, 1.3)];
        foreach (var model in models)
        {
            var polled = Assert.IsAssignableFrom<IRowPolledTravelModel>(model);
            var rows = 0;
            var matrix = polled.Matrix(new SameEverywhere(7), () => rows++);
            Assert.Equal(7, rows);
            Assert.Equal(7, matrix.Count);

            rows = 0;
            Assert.Throws<OperationCanceledException>(() => polled.Matrix(new SameEverywhere(1000), () =>
            {
                if (++rows == 3)
                {
                    throw new OperationCanceledException();
                }
            }));
            Assert.Equal(3, rows);
        }
    }

    private sealed class SameEverywhere(int count) : IReadOnlyList<Territories.Model.GeoPoint>
    {
        public int Count => count;

        public Territories.Model.GeoPoint this[int index] => new(0, 0);

        public IEnumerator<Territories.Model.GeoPoint> GetEnumerator() => Enumerable.Repeat(new Territories.Model.GeoPoint(0, 0), count).GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
