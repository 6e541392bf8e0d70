using System.Collections.Immutable;

namespace ManifestLint.Admission.Cel;

/// <summary>A node of a parsed CEL expression; <see cref="Position"/> is the 0-based offset in the expression text.</summary>
public abstract record CelExpr(int Position);

public sealed record CelLiteral(int Position, object? Value) : CelExpr(Position);

public sealed record CelIdent(int Position, string Name) : CelExpr(Position);

/// <summary><c>a.b</c>, or <c>a.?b</c> when <see cref="Optional"/>.</summary>
public sealed record CelSelect(int Position, CelExpr Operand, string Field, bool Optional) : CelExpr(Position);

/// <summary><c>a[b]</c>, or <c>a[?b]</c> when <see cref="Optional"/>.</summary>
public sealed record CelIndex(int Position, CelExpr Operand, CelExpr Key, bool Optional) : CelExpr(Position);

/// <summary>A function or operator call; <see cref="Target"/> is the receiver of <c>x.f(…)</c>. Operators use the names <c>_+_</c>, <c>!_</c>, ….</summary>
public sealed record CelCall(int Position, CelExpr? Target, string Function, ImmutableArray<CelExpr> Args) : CelExpr(Position);

public sealed record CelList(int Position, ImmutableArray<CelExpr> Items, ImmutableArray<bool> OptionalItems) : CelExpr(Position);

public sealed record CelMapLiteral(int Position, ImmutableArray<(CelExpr Key, CelExpr Value, bool Optional)> Entries) : CelExpr(Position);

/// <summary><c>has(a.b)</c>.</summary>
public sealed record CelHas(int Position, CelSelect Field) : CelExpr(Position);

/// <summary>The macros <c>all</c>, <c>exists</c>, <c>exists_one</c>, <c>map</c> (with an optional filter) and <c>filter</c>.</summary>
public sealed record CelComprehension(int Position, string Macro, CelExpr Range, string Variable, CelExpr Step, CelExpr? Filter) : CelExpr(Position);
