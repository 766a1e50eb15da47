namespace Quickstart;

/// <summary>Progress reported on the reporting thread itself (unlike <see cref="Progress{T}"/>, which posts to the thread pool).</summary>
internal sealed class Reporter<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
