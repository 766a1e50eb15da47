using OneOf;
using Territories.Model;

namespace Quickstart;

/// <summary>Step 1d: the validated sales model (4-week cycle, Monday to Friday), or every problem found.</summary>
internal static class BuildModelStep
{
    public static OneOf<SalesModel, ModelValidationFailure> Run(Staffing staffing, IReadOnlyList<Account> accounts) =>
        SalesModel.Create(new SalesModelInput
        {
            Territories = staffing.Territories,
            Positions = staffing.Positions,
            Accounts = accounts,
            Cycle = JourneyCycle.Create(4),
        });
}
