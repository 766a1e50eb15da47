namespace Territories.Quality;

/// <summary>One problem with the units file: what, which unit, which field, the value as read, and a readable message.</summary>
internal sealed record InputProblem(string Code, string? Unit, string Field, string? Value, string Message);
