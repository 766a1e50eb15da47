using Territories.Model;

namespace Territories.Workload;

/// <summary>
/// What an account asks of a plan: the fewest visits per cycle its allowed patterns give (0 when no
/// pattern fits the cycle, or it has no visit requirement), and the time of one visit.
/// </summary>
internal readonly record struct AccountDemand(int Visits, TimeSpan VisitTime)
{
    public TimeSpan Service => VisitTime * Visits;

    public static AccountDemand Of(Account account, JourneyCycle cycle)
    {
        if (account.Visit is not { } visit)
        {
            return new AccountDemand(0, account.ServiceTime);
        }

        var patterns = visit.AllowedPatterns(cycle);
        var visits = patterns.IsEmpty ? 0 : patterns.Min(p => p.Days.Length);
        return new AccountDemand(visits, visit.Duration ?? account.ServiceTime);
    }
}
