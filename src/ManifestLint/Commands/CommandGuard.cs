using ManifestLint.Cli;

namespace ManifestLint.Commands;

/// <summary>
/// Runs a command's work and turns exceptions into exit codes: usage mistakes are printed as they are
/// (exit 2), anything else is a bug reported in one line (exit 3) unless MANIFESTLINT_DEBUG=1 asks for
/// the stack trace. Cancellation is left to System.CommandLine.
/// </summary>
internal static class CommandGuard
{
    public const string DebugVariable = "MANIFESTLINT_DEBUG";

    public static int Run(CliEnvironment environment, Func<int> work)
    {
        try
        {
            return work();
        }
        catch (UsageException e)
        {
            environment.Error.WriteLine($"manifestlint: error: {e.Message}");
            return ExitCodes.UsageError;
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception e)
        {
            if (environment.GetVariable(DebugVariable) == "1")
                environment.Error.WriteLine($"manifestlint: internal error: {e}");
            else
                environment.Error.WriteLine($"manifestlint: internal error: {e.GetType().Name}: {e.Message} (set {DebugVariable}=1 for the stack trace; please report it)");
            return ExitCodes.InternalError;
        }
    }
}
