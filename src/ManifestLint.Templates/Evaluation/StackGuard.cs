using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;

namespace ManifestLint.Templates.Evaluation;

/// <summary>
/// Keeps deep recursion (nested templates, parentheses, control structures) off the edge of the stack:
/// when the current thread's stack runs low, the work continues on a fresh thread with a large stack.
/// </summary>
internal static class StackGuard
{
    private const int ThreadStackSize = 64 * 1024 * 1024;

    /// <summary>Nesting levels run on one stack before the work moves to a fresh one.</summary>
    public const int LevelsPerStack = 32;

    public static T Run<T>(Func<T> work) => RuntimeHelpers.TryEnsureSufficientExecutionStack() ? work() : OnNewStack(work);

    /// <summary>Runs <paramref name="work"/> directly, or on a fresh large stack every <see cref="LevelsPerStack"/> levels of <paramref name="depth"/>.</summary>
    public static T Run<T>(int depth, Func<T> work) => ShouldHop(depth) ? OnNewStack(work) : work();

    /// <summary>True when work at nesting <paramref name="depth"/> should move to a fresh stack.</summary>
    public static bool ShouldHop(int depth) =>
        depth % LevelsPerStack == LevelsPerStack - 1 || !RuntimeHelpers.TryEnsureSufficientExecutionStack();

    private static T OnNewStack<T>(Func<T> work)
    {
        T result = default!;
        ExceptionDispatchInfo? failure = null;
        var thread = new Thread(
            () =>
            {
                try
                {
                    result = work();
                }
                catch (TemplateException ex)
                {
                    // A fresh exception: rethrowing the same one would grow its stack trace on every hop.
                    failure = ExceptionDispatchInfo.Capture(ex.Copy());
                }
                catch (Exception ex)
                {
                    failure = ExceptionDispatchInfo.Capture(ex);
                }
            },
            ThreadStackSize);
        thread.Start();
        thread.Join();
        failure?.Throw();
        return result;
    }
}
