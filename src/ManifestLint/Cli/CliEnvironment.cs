using System.Collections;
using System.Collections.Immutable;
using System.Text;

namespace ManifestLint.Cli;

/// <summary>
/// Everything the CLI takes from the process: output streams, working directory, environment
/// variables and whether stdout is a terminal. Tests pass their own; nothing else reads the console.
/// </summary>
public sealed record CliEnvironment(
    TextWriter Out,
    TextWriter Error,
    string WorkingDirectory,
    ImmutableDictionary<string, string> Variables,
    bool OutputIsTerminal)
{
    /// <summary>True when stderr is a terminal (progress is shown only then).</summary>
    public bool ErrorIsTerminal { get; init; }

    public static CliEnvironment FromProcess()
    {
        var variables = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry e in Environment.GetEnvironmentVariables())
        {
            if (e.Key is string key && e.Value is string value)
                variables[key] = value;
        }

        // Console.Out flushes on every write; a report of thousands of findings would cost a system call per fragment.
        var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16) { AutoFlush = false, NewLine = "\n" };
        return new CliEnvironment(stdout, Console.Error, Environment.CurrentDirectory, variables.ToImmutable(), !Console.IsOutputRedirected)
        {
            ErrorIsTerminal = !Console.IsErrorRedirected,
        };
    }

    public string? GetVariable(string name) => Variables.TryGetValue(name, out var value) ? value : null;

    /// <summary>True when <paramref name="name"/> is set to a non-empty value (the NO_COLOR convention).</summary>
    public bool IsSet(string name) => !string.IsNullOrEmpty(GetVariable(name));

    /// <summary>An absolute path for a path given on the command line.</summary>
    public string FullPath(string path) => Path.GetFullPath(path, WorkingDirectory);
}
