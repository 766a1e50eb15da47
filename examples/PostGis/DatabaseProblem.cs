using System.Collections.Immutable;

namespace PostGis;

/// <summary>What kind of problem the database has.</summary>
internal enum DatabaseProblemCode
{
    /// <summary>The connection string is malformed, or the server cannot be reached or refuses the login.</summary>
    CannotConnect = 1,

    /// <summary>The server has no PostGIS extension to install.</summary>
    PostGisMissing = 2,

    /// <summary>The database's schema is newer than the migrations this program knows.</summary>
    SchemaTooNew = 3,

    /// <summary>The database holds tables of the same names that these migrations did not create.</summary>
    SchemaNotOurs = 4,

    /// <summary>Stored territory boundaries are not valid geometries (self-intersecting rings and the like).</summary>
    InvalidGeometry = 5,
}

/// <summary>A database the example cannot work with, and why, naming the objects involved; nothing was written when this is returned.</summary>
/// <param name="Code">The kind of problem.</param>
/// <param name="Message">One line for a person.</param>
/// <param name="Ids">The ids involved (territories with invalid boundaries), sorted; empty when none.</param>
internal sealed record DatabaseProblem(DatabaseProblemCode Code, string Message, ImmutableArray<string> Ids)
{
    public DatabaseProblem(DatabaseProblemCode code, string message)
        : this(code, message, [])
    {
    }

    public override string ToString() => $"{Code}: {Message}";
}
