using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace GovBot.Data.Store;

/// <summary>
/// Decides which <see cref="GovBotDb"/> a scope gets: normally one from the pool on a connection of its own; inside a
/// <see cref="StoreGroupCommit"/> group, one on the group's connection and transaction, so that everything the scope's
/// services write commits with the group; for work tried read-only, one from <see cref="StoreReadOnlyContexts"/>.
/// </summary>
public sealed class StoreBinding
{
    private IDbContextFactory<GovBotDb>? _groupContexts;
    private DbTransaction? _transaction;
    private StoreReadOnlyContexts? _readOnly;
    private bool _ownTransaction;

    /// <summary>On PostgreSQL, the context made for a commit-group piece in its own transaction (null until asked for).</summary>
    internal GovBotDb? Owned { get; private set; }

    /// <summary>
    /// PostgreSQL: the scope's context comes from the pool and starts a transaction of its own, which the piece's runner
    /// commits (<see cref="StoreGroupCommit"/>); PostgreSQL lets such transactions run side by side.
    /// </summary>
    internal void BindOwnTransaction()
    {
        if (_groupContexts is not null || _readOnly is not null || _ownTransaction) throw new InvalidOperationException("This scope is already bound.");
        _ownTransaction = true;
    }

    internal void Bind(IDbContextFactory<GovBotDb> groupContexts, DbTransaction transaction)
    {
        if (_groupContexts is not null || _readOnly is not null || _ownTransaction) throw new InvalidOperationException("This scope is already bound.");
        _groupContexts = groupContexts;
        _transaction = transaction;
    }

    /// <summary>Binds the scope, before anything in it asks for a <see cref="GovBotDb"/>, to read-only contexts.</summary>
    public void BindReadOnly(StoreReadOnlyContexts contexts)
    {
        if (_groupContexts is not null || _readOnly is not null || _ownTransaction) throw new InvalidOperationException("This scope is already bound.");
        _readOnly = contexts;
    }

    internal GovBotDb CreateDb(IDbContextFactory<GovBotDb> pool)
    {
        if (_readOnly is not null) return _readOnly.CreateDbContext();
        if (_ownTransaction)
        {
            var own = pool.CreateDbContext();
            own.Database.BeginTransaction();
            Owned = own;
            return own;
        }
        if (_groupContexts is null) return pool.CreateDbContext();
        var db = _groupContexts.CreateDbContext();
        db.Database.UseTransaction(_transaction);
        return db;
    }
}
