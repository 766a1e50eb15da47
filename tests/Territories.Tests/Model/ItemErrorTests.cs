using Territories.Design;
using Territories.Mix;
using Territories.Model;

namespace Territories.Tests.Model;

public class ItemErrorTests
{
    [Fact]
    public void Errors_WithTheSameContent_AreEqualAndHashAlike()
    {
        var first = new ModelError(ModelErrorCode.DuplicateId, [ItemRef.Of(new AccountId("a1")), ItemRef.Of(new TerritoryId("north"))], "Id", "a1", "Twice.");
        var second = new ModelError(ModelErrorCode.DuplicateId, [new ItemRef(ItemKind.Account, "a1"), new ItemRef(ItemKind.Territory, "north")], "Id", "a1", "Twice.");

        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
        Assert.Equal(new ModelValidationFailure([first]), new ModelValidationFailure([second]));
        Assert.Equal(new ModelValidationFailure([first]).GetHashCode(), new ModelValidationFailure([second]).GetHashCode());
    }

    [Fact]
    public void Errors_DifferingInOneItemOrItsKind_AreNotEqual()
    {
        var error = new DesignError(DesignErrorCode.UnknownUnit, [ItemRef.Unit("u1"), ItemRef.Territory("T1")], "Seeds", "u1", "Unknown.");

        Assert.NotEqual(error, error with { Items = [ItemRef.Unit("u1"), ItemRef.Territory("T2")] });
        Assert.NotEqual(error, error with { Items = [ItemRef.Unit("u1"), ItemRef.Unit("T1")] });
        Assert.NotEqual(error, error with { Items = [ItemRef.Territory("T1"), ItemRef.Unit("u1")] });
        Assert.NotEqual(new DesignFailure([error], null), new DesignFailure([error, error], null));
    }

    [Fact]
    public void Errors_OfDifferentEngines_WithTheSameContent_AreNotEqual()
    {
        var mix = new MixError(MixErrorCode.NegativeValue, [], "Weight", "-1", "Negative.");
        var other = new MixError(MixErrorCode.NegativeValue, [], "Weight", "-1", "Negative.") { Units = 3 };

        Assert.NotEqual(mix, other);
        Assert.NotEqual<object>(new MixFailure([mix]), new ModelValidationFailure([]));
    }

    [Fact]
    public void Error_NamesTheItemAtFaultFirst()
    {
        var error = new ModelError(ModelErrorCode.VacantPositionAssigned, [ItemRef.Of(new AccountId("a1")), ItemRef.Of(new PositionId("rep"))], "Visit.FixedPosition", "rep", "Vacant.");

        Assert.Equal((ItemKind?)ItemKind.Account, error.Kind);
        Assert.Equal("a1", error.Id);
        Assert.Equal(["a1", "rep"], error.Ids);
        Assert.Equal("VacantPositionAssigned [Account a1, Position rep] Visit.FixedPosition: Vacant.", error.ToString());
    }

    [Fact]
    public void Error_WithoutItems_ConcernsTheRequest()
    {
        var error = new ModelError(ModelErrorCode.TooLarge, default, "Accounts", "50000", "Too many.");

        Assert.Empty(error.Items);
        Assert.Null(error.Kind);
        Assert.Null(error.Id);
        Assert.Equal("TooLarge Accounts: Too many.", error.ToString());
        Assert.Empty(new MixFailure(default).Errors);
    }

    [Fact]
    public void Error_NullText_ThrowsNamingTheParameter()
    {
        Assert.Equal("Field", Assert.Throws<ArgumentNullException>(() => new ModelError(ModelErrorCode.TooLarge, [], null!, null, "m")).ParamName);
        Assert.Equal("Message", Assert.Throws<ArgumentNullException>(() => new ModelError(ModelErrorCode.TooLarge, [], "f", null, null!)).ParamName);
        Assert.Equal("Id", Assert.Throws<ArgumentNullException>(() => new ItemRef(ItemKind.Unit, null!)).ParamName);
    }

    [Fact]
    public void EngineFailures_AreOneShape()
    {
        // Every engine's failure is an ErrorList of an ItemError: one way to read any failure.
        var failures = typeof(ModelError).Assembly.GetExportedTypes().Where(t => t.Name.EndsWith("Failure", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(failures);
        Assert.All(failures, t => Assert.True(Inherits(t, typeof(ErrorList<>)), $"{t} is not an ErrorList"));
        var errors = typeof(ModelError).Assembly.GetExportedTypes().Where(t => t.Name.EndsWith("Error", StringComparison.Ordinal) && !t.IsAbstract).ToList();
        Assert.All(errors, t => Assert.True(Inherits(t, typeof(ItemError<>)), $"{t} is not an ItemError"));
    }

    private static bool Inherits(Type type, Type openGeneric)
    {
        for (var t = type.BaseType; t is not null; t = t.BaseType)
        {
            if (t.IsGenericType && t.GetGenericTypeDefinition() == openGeneric)
            {
                return true;
            }
        }

        return false;
    }
}
