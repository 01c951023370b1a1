using GovBot.Data;
using GovBot.Data.People;
using GovBot.Data.Seeding;
using GovBot.Data.Services;
using GovBot.TestSupport;
using GovBot.Skills.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace GovBot.Skills.Tests.Services;

/// <summary>Booking against a real SQLite file, each caller with its own connection as separate turns and hosts have.</summary>
public sealed class BookingServiceTests : IAsyncLifetime
{
    private readonly TestStore _store = new();
    private readonly FakeTimeProvider _time = new(TestStore.SeedTime.AddDays(2));
    private int _haircut;

    public async Task InitializeAsync()
    {
        await using var db = await _store.MigratedAndSeededAsync();
        await new DemoServicesSeeder(_time).SeedAsync(db);
        _haircut = await db.ServiceSlots.Where(s => s.Item!.Name == "理发").OrderBy(s => s.StartsAt).Select(s => s.Id).FirstAsync();
    }

    public Task DisposeAsync()
    {
        _store.Dispose();
        return Task.CompletedTask;
    }

    private async Task<List<Person>> PeopleAsync(int count)
    {
        await using var db = _store.CreateDb();
        var people = Enumerable.Range(1, count).Select(i => new Person { Name = $"居民{i}", WeComUserId = $"resident{i}", Roles = Roles.Resident }).ToList();
        db.People.AddRange(people);
        await db.SaveChangesAsync();
        return people;
    }

    private async Task<T> InStepAsync<T>(Func<BookingService, GovBotDb, Task<T>> work)
    {
        await using var db = _store.CreateDb();
        return await work(new BookingService(db, _time), db);
    }

    [Fact]
    public async Task Many_simultaneous_bookings_never_overbook_and_every_success_has_its_row()
    {
        var people = await PeopleAsync(40);
        using var start = new ManualResetEventSlim();
        var attempts = people.Select(p => Task.Run(async () =>
        {
            start.Wait();
            return await InStepAsync((s, _) => s.BookAsync(p, _haircut, waitlistIfFull: false, default));
        })).ToList();
        start.Set();
        var outcomes = await Task.WhenAll(attempts);

        var told = outcomes.Where(o => o.Result == BookingResult.Booked).Select(o => o.Booking!.Code).ToList();
        var (booked, rows) = await InStepAsync(async (_, db) => (
            await db.ServiceSlots.Where(s => s.Id == _haircut).Select(s => s.Booked).FirstAsync(),
            await db.Bookings.Where(b => b.SlotId == _haircut && b.Status == BookingStatus.Booked).Select(b => b.Code).ToListAsync()));
        Assert.Equal(2, told.Count);
        Assert.Equal(2, booked);
        Assert.Equal(told.Order(), rows.Order());
        Assert.Equal(38, outcomes.Count(o => o.Result == BookingResult.Full));
    }

    [Fact]
    public async Task A_cancellation_moves_the_first_on_the_waitlist_up_and_tells_them()
    {
        var people = await PeopleAsync(4);
        var outcomes = new List<BookingOutcome>();
        foreach (var p in people)
            outcomes.Add(await InStepAsync((s, _) => s.BookAsync(p, _haircut, waitlistIfFull: true, default)));
        Assert.Equal([BookingResult.Booked, BookingResult.Booked, BookingResult.Waitlisted, BookingResult.Waitlisted], outcomes.Select(o => o.Result));

        var promoted = await InStepAsync(async (s, db) =>
            await s.CancelAsync(await db.Bookings.FirstAsync(b => b.Id == outcomes[0].Booking!.Id), default));

        Assert.Equal(outcomes[2].Booking!.Id, promoted!.Id);
        var (statuses, booked, push) = await InStepAsync(async (_, db) => (
            await db.Bookings.OrderBy(b => b.Id).Select(b => b.Status).ToListAsync(),
            await db.ServiceSlots.Where(s => s.Id == _haircut).Select(s => s.Booked).FirstAsync(),
            await db.Outbox.Select(o => new { o.ToUsers, o.PayloadJson }).SingleAsync()));
        Assert.Equal([BookingStatus.Cancelled, BookingStatus.Booked, BookingStatus.Booked, BookingStatus.Waitlisted], statuses);
        Assert.Equal(2, booked);
        Assert.Equal("resident3", push.ToUsers);
        Assert.Contains(outcomes[2].Booking!.Code!, push.PayloadJson);
    }

    [Fact]
    public async Task Nobody_holds_two_overlapping_bookings()
    {
        var person = (await PeopleAsync(1))[0];
        var clinic = await InStepAsync((_, db) => db.ServiceSlots.Where(s => s.Item!.Name == "义诊").Select(s => s.Id).FirstAsync());
        var first = await InStepAsync((s, _) => s.BookAsync(person, _haircut, false, default));
        var second = await InStepAsync((s, _) => s.BookAsync(person, clinic, false, default));
        Assert.Equal(BookingResult.Booked, first.Result);
        Assert.Equal(BookingResult.Overlap, second.Result);
        Assert.Equal(first.Booking!.Id, second.Clash!.Id);
        Assert.Equal(1, await InStepAsync((_, db) => db.Bookings.CountAsync()));
    }
    [Fact]
    public async Task Booked_places_of_a_slot_that_is_over_and_nobody_checked_in_become_no_shows()
    {
        var people = await PeopleAsync(2);
        var kept = await InStepAsync((s, _) => s.BookAsync(people[0], _haircut, false, default));
        var missed = await InStepAsync((s, _) => s.BookAsync(people[1], _haircut, false, default));
        var staff = await InStepAsync((_, db) => db.People.FirstAsync(p => p.WeComUserId == DemoUsers.Staff));
        var checkedIn = await InStepAsync((s, _) => s.CheckInAsync(kept.Booking!.Code!.ToLowerInvariant(), staff, default));
        Assert.True(checkedIn.Done);
        var stranger = await InStepAsync((s, _) => s.CheckInAsync(missed.Booking!.Code!, people[0], default));
        Assert.False(stranger.Done);

        Assert.Equal(0, await InStepAsync((s, _) => s.MarkNoShowsAsync(null, default)));
        _time.Advance(TimeSpan.FromDays(7));
        Assert.Equal(1, await InStepAsync((s, _) => s.MarkNoShowsAsync(staff.CommunityId, default)));
        var statuses = await InStepAsync((_, db) => db.Bookings.OrderBy(b => b.Id).Select(b => b.Status).ToListAsync());
        Assert.Equal([BookingStatus.CheckedIn, BookingStatus.NoShow], statuses);
    }
}
