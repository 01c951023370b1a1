using GovBot.Data.People;
using GovBot.Data.Store;
using GovBot.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace GovBot.Data.Tests;

/// <summary>
/// Writes from many callers commit together, yet each caller keeps its own outcome: a piece that fails loses only
/// its own changes, and no caller hears "done" before its changes are in the file.
/// </summary>
public sealed class StoreGroupCommitTests : IAsyncLifetime
{
    private readonly TestStore _store = new();
    private IHost _host = null!;

    public async Task InitializeAsync() => _host = await _store.StartHostAsync();

    public async Task DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        _store.Dispose();
    }

    private static readonly AsyncLocal<string?> Caller = new();

    private StoreGroupCommit Writes => _host.Services.GetRequiredService<StoreGroupCommit>();

    private Task<int> AddPersonAsync(string userId, CancellationToken ct = default) =>
        Writes.RunAsync(async (services, ct) =>
        {
            var db = services.GetRequiredService<GovBotDb>();
            var person = new Person { WeComUserId = userId, Name = "居民", Roles = Roles.Resident };
            db.People.Add(person);
            await db.SaveChangesAsync(ct);
            return person.Id;
        }, ct);

    private async Task<List<string>> StoredUsersAsync()
    {
        await using var db = _store.CreateDb();
        return await db.People.Select(p => p.WeComUserId).OrderBy(u => u).ToListAsync();
    }

    [Fact]
    public async Task Many_callers_at_once_each_get_their_own_row_and_it_is_in_the_file_when_they_hear_so()
    {
        var users = Enumerable.Range(1, 100).Select(i => $"group-{i:D3}").ToList();

        var ids = await Task.WhenAll(users.Select(async user =>
        {
            var id = await AddPersonAsync(user);
            // Read through a connection of its own: the caller's row is committed, not merely written.
            await using var db = _store.CreateDb();
            Assert.True(await db.People.AnyAsync(p => p.Id == id && p.WeComUserId == user));
            return id;
        }));

        Assert.Equal(100, ids.Distinct().Count());
        Assert.Equal(users, await StoredUsersAsync());
    }

    [Fact]
    public async Task A_piece_that_fails_is_rolled_back_alone_and_its_caller_hears_why()
    {
        var first = AddPersonAsync("before");
        var failing = Writes.RunAsync<int>(async (services, ct) =>
        {
            var db = services.GetRequiredService<GovBotDb>();
            db.People.Add(new Person { WeComUserId = "half-done", Name = "居民", Roles = Roles.Resident });
            await db.SaveChangesAsync(ct);
            throw new InvalidOperationException("the skill broke after saving");
        }, CancellationToken.None);
        var last = AddPersonAsync("after");

        await first;
        await last;
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => failing);
        Assert.Equal("the skill broke after saving", error.Message);
        Assert.Equal(["after", "before"], await StoredUsersAsync());
    }

    [Fact]
    public async Task A_broken_rule_fails_only_its_own_piece()
    {
        await AddPersonAsync("taken");

        var twin = AddPersonAsync("taken");
        var other = AddPersonAsync("free");

        await Assert.ThrowsAsync<DbUpdateException>(() => twin);
        await other;
        Assert.Equal(["free", "taken"], await StoredUsersAsync());
    }

    [Fact]
    public async Task A_piece_cannot_wait_on_another_group_and_a_cancelled_caller_writes_nothing()
    {
        var nested = Writes.RunAsync(async (_, ct) => await AddPersonAsync("nested", ct), CancellationToken.None);
        await Assert.ThrowsAsync<InvalidOperationException>(() => nested);

        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => AddPersonAsync("cancelled", cancelled.Token));

        Assert.Empty(await StoredUsersAsync());
    }

    [Fact]
    public async Task Each_piece_runs_in_its_callers_context_so_its_logs_and_traces_are_the_callers()
    {
        var seen = await Task.WhenAll(Enumerable.Range(1, 20).Select(i => Task.Run(async () =>
        {
            Caller.Value = $"caller-{i}";
            return await Writes.RunAsync(async (_, _) =>
            {
                await Task.Yield();
                return Caller.Value;
            }, CancellationToken.None);
        })));

        Assert.Equal(Enumerable.Range(1, 20).Select(i => $"caller-{i}"), seen);
    }
}
