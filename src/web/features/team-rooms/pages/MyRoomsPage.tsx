import { Stack } from "@mantine/core";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { ListEmptyState } from "../../../components/ListEmptyState";
import { ListFooter } from "../../../components/ListFooter";
import { PageHeader } from "../../../components/PageHeader";
import { PageLoader } from "../../../components/PageLoader";
import { SearchInput } from "../../../components/SearchInput";
import { useListSearchParams } from "../../../lib/useListSearchParams";
import { MyRoomForm } from "../components/MyRoomForm";
import { MY_ROOMS_PAGE_SIZE, useMyRooms } from "../queries";

/** /my-rooms — the team rooms I control (as an owner, or as an admin): their names and PINs. */
export function MyRoomsPage() {
  const list = useListSearchParams();
  const rooms = useMyRooms({ q: list.q, page: list.page, pageSize: MY_ROOMS_PAGE_SIZE });
  const data = rooms.data;
  return (
    <Stack gap="lg">
      <PageHeader
        title="My rooms"
        description="Team rooms you control: change their names and host and guest PINs."
      />
      {(list.q !== "" || (data?.total ?? 0) > MY_ROOMS_PAGE_SIZE) && (
        <SearchInput
          label="Search my rooms"
          placeholder="Name or video address"
          value={list.q}
          onSearch={(q) => list.update({ q })}
        />
      )}
      {rooms.isPending && <PageLoader label="Loading your rooms" />}
      {rooms.error && <ErrorAlert title="Could not load your rooms" message={rooms.error.message} />}
      {data && data.items.length === 0 && (
        <ListEmptyState
          title={list.q ? "No rooms match your search" : "You control no team rooms"}
          description={
            list.q
              ? "Search by the room's name or video address."
              : "When an administrator makes you an owner of a team room, it appears here."
          }
          {...(list.q ? { action: { label: "Clear search", onClick: () => list.update({ q: "" }) } } : {})}
        />
      )}
      {/* Keyed by id, so a form never shows another room's values after paging. */}
      {data?.items.map((room) => (
        <MyRoomForm key={room.id} room={room} />
      ))}
      {data && (
        <ListFooter
          page={list.page}
          pageSize={MY_ROOMS_PAGE_SIZE}
          shown={data.items.length}
          total={data.total}
          noun={["room", "rooms"]}
          onPageChange={(page) => list.update({ page })}
        />
      )}
    </Stack>
  );
}
