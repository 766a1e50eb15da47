using Microsoft.Extensions.Options;

namespace Territories.DependencyInjection;

/// <summary>Checks <see cref="TerritoriesOptions"/> and reports every failure at once.</summary>
internal sealed class TerritoriesOptionsValidator : IValidateOptions<TerritoriesOptions>
{
    public ValidateOptionsResult Validate(string? name, TerritoriesOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.JourneyCycleWeeks is < 1 or > 53)
        {
            failures.Add($"{nameof(TerritoriesOptions.JourneyCycleWeeks)} must be 1 to 53, not {options.JourneyCycleWeeks}.");
        }

        if (options.WorkingDays.Count == 0)
        {
            failures.Add($"{nameof(TerritoriesOptions.WorkingDays)} must list at least one weekday.");
        }

        if (options.WorkingDays.Any(d => !Enum.IsDefined(d)))
        {
            failures.Add($"{nameof(TerritoriesOptions.WorkingDays)} holds a value that is not a weekday.");
        }

        if (options.WorkingDays.Distinct().Count() != options.WorkingDays.Count)
        {
            failures.Add($"{nameof(TerritoriesOptions.WorkingDays)} lists a weekday twice.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
