using System.Collections.Immutable;
using Territories.Internal;

namespace Territories.Model;

/// <summary>A kind of sales activity, such as order taking, merchandising or lead generation.</summary>
/// <remarks>
/// Identified by <see cref="Id"/> (ordinal, case-sensitive). The well-known types below use
/// kebab-case ids; users add their own. Immutable; equality by value.
/// </remarks>
/// <param name="Id">The identifier, e.g. <c>order-taking</c>.</param>
/// <param name="Name">A display name.</param>
/// <param name="Channel">Field visit or remote work.</param>
/// <param name="DefaultDuration">The time one occurrence takes when nothing more specific is known.</param>
public sealed record ActivityType(string Id, string Name, ActivityChannel Channel, TimeSpan DefaultDuration)
{
    /// <summary>The identifier, e.g. <c>order-taking</c>.</summary>
    public string Id { get; init; } = Guard.NotNullOrWhiteSpace(Id);

    /// <summary>A display name.</summary>
    public string Name { get; init; } = Guard.NotNull(Name);

    /// <summary>Taking the order at the outlet (field, 15 minutes).</summary>
    public static ActivityType OrderTaking { get; } = new("order-taking", "Order taking", ActivityChannel.Field, TimeSpan.FromMinutes(15));

    /// <summary>Shelf and display work at the outlet (field, 20 minutes).</summary>
    public static ActivityType Merchandising { get; } = new("merchandising", "Merchandising", ActivityChannel.Field, TimeSpan.FromMinutes(20));

    /// <summary>Collecting payment (field, 10 minutes).</summary>
    public static ActivityType Collection { get; } = new("collection", "Collection", ActivityChannel.Field, TimeSpan.FromMinutes(10));

    /// <summary>Checking stock, prices and compliance (field, 15 minutes).</summary>
    public static ActivityType Audit { get; } = new("audit", "Audit", ActivityChannel.Field, TimeSpan.FromMinutes(15));

    /// <summary>Demonstrating a product (field, 45 minutes).</summary>
    public static ActivityType Demo { get; } = new("demo", "Demo", ActivityChannel.Field, TimeSpan.FromMinutes(45));

    /// <summary>Answering the account's calls (remote, 10 minutes).</summary>
    public static ActivityType Inbound { get; } = new("inbound", "Inbound", ActivityChannel.Remote, TimeSpan.FromMinutes(10));

    /// <summary>Calling the account (remote, 15 minutes).</summary>
    public static ActivityType Outbound { get; } = new("outbound", "Outbound", ActivityChannel.Remote, TimeSpan.FromMinutes(15));

    /// <summary>Finding and qualifying new accounts (remote, 20 minutes).</summary>
    public static ActivityType LeadGeneration { get; } = new("lead-generation", "Lead generation", ActivityChannel.Remote, TimeSpan.FromMinutes(20));

    /// <summary>Training and onboarding the account's staff (remote, 30 minutes).</summary>
    public static ActivityType Enablement { get; } = new("enablement", "Enablement", ActivityChannel.Remote, TimeSpan.FromMinutes(30));

    /// <summary>The well-known activity types, in this order.</summary>
    public static ImmutableArray<ActivityType> Defaults { get; } =
        [OrderTaking, Merchandising, Collection, Audit, Demo, Inbound, Outbound, LeadGeneration, Enablement];
}
