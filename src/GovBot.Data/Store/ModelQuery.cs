using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace GovBot.Data.Store;

/// <summary>
/// A compiled query (<see cref="EF.CompileAsyncQuery{TContext, TResult}(System.Linq.Expressions.Expression{Func{TContext, IAsyncEnumerable{TResult}}})"/>)
/// compiled once for each EF model it meets. EF binds a compiled query to the first model it runs against, and contexts
/// built with other options (the commit group's, a test's or a tool's own) have models of their own.
/// </summary>
public sealed class ModelQuery<TQuery> where TQuery : class
{
    private readonly ConditionalWeakTable<IModel, TQuery> _compiled = new();
    private readonly ConditionalWeakTable<IModel, TQuery>.CreateValueCallback _compile;

    public ModelQuery(Func<TQuery> compile) => _compile = _ => compile();

    /// <summary>The query compiled for <paramref name="db"/>'s model.</summary>
    public TQuery For(DbContext db) => _compiled.GetValue(db.Model, _compile);
}
