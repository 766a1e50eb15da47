namespace Territories.Mix;

/// <summary>Where capacity that no account needs would go.</summary>
public enum SlackUse
{
    /// <summary>Field time beyond the visits the accounts need: visits to prospects and new accounts.</summary>
    Prospecting = 0,

    /// <summary>Remote time beyond the accounts' stated needs: calls, e-mail and lead generation to the territory at large.</summary>
    RemoteActivities = 1,
}
