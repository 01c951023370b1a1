using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace GovBot.Data;

/// <summary>
/// Decides which <see cref="GovBotDb"/> a scope gets: normally one from the pool on a connection of its own; inside a
/// <see cref="StoreGroupCommit"/> group, one on the group's connection and transaction, so that everything the scope's
/// services write commits with the group.
/// </summary>
public sealed class StoreBinding
{
    private IDbContextFactory<GovBotDb>? _groupContexts;
    private DbTransaction? _transaction;

    internal void Bind(IDbContextFactory<GovBotDb> groupContexts, DbTransaction transaction)
    {
        if (_groupContexts is not null) throw new InvalidOperationException("This scope is already bound to a commit group.");
        _groupContexts = groupContexts;
        _transaction = transaction;
    }

    internal GovBotDb CreateDb(IDbContextFactory<GovBotDb> pool)
    {
        if (_groupContexts is null) return pool.CreateDbContext();
        var db = _groupContexts.CreateDbContext();
        db.Database.UseTransaction(_transaction);
        return db;
    }
}
