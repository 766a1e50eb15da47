namespace Territories.Model;

/// <summary>Whether an activity is done on site or remotely.</summary>
public enum ActivityChannel
{
    /// <summary>A visit at the account's location: it takes travel and a slot in a route.</summary>
    Field = 0,

    /// <summary>Done from a desk (phone, video, e-mail): it takes time but no travel.</summary>
    Remote = 1,
}
