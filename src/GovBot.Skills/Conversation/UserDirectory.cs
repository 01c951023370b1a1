using GovBot.Data;
using GovBot.Data.People;
using GovBot.Data.Store;
using Microsoft.EntityFrameworkCore;

namespace GovBot.Skills.Conversation;

/// <summary>Finds the sender in the store, registering a first-time WeCom user as a resident.</summary>
public sealed class UserDirectory(GovBotDb db)
{
    // Every turn asks this; compiled once, it skips EF's per-call look at the expression tree.
    private static readonly ModelQuery<Func<GovBotDb, string, CancellationToken, Task<Person?>>> FindByWeComUser = new(() =>
        EF.CompileAsyncQuery((GovBotDb db, string weComUserId, CancellationToken ct) =>
            db.People.FirstOrDefault(p => p.WeComUserId == weComUserId)));

    public async Task<Person> GetOrCreateAsync(string weComUserId, DateTimeOffset now, CancellationToken ct)
    {
        var person = await FindByWeComUser.For(db)(db, weComUserId, ct);
        if (person is not null) return person;

        // The real name is unknown until the person tells us; WeCom user ids are not shown to anyone.
        db.EnsureWritable();
        person = new Person { WeComUserId = weComUserId, Name = "居民", Roles = Roles.Resident, CreatedAt = now };
        db.People.Add(person);
        return person;
    }
}
