defmodule Notes.Reminder do
  @moduledoc """
  Sends a reminder when a note has not been reviewed for 90 days.
  """
  use GenServer
  require Logger

  @interval :timer.hours(24)
  @max_age_days 90

  def start_link(opts \\ []) do
    GenServer.start_link(__MODULE__, opts, name: __MODULE__)
  end

  @impl true
  def init(state) do
    schedule()
    {:ok, state}
  end

  @impl true
  def handle_info(:check, state) do
    Notes.all()
    |> Enum.filter(&stale?/1)
    |> Enum.each(fn note -> Logger.info("review due: #{note.path}") end)

    schedule()
    {:noreply, state}
  end

  defp stale?(%{reviewed: nil}), do: true
  defp stale?(%{reviewed: date}), do: Date.diff(Date.utc_today(), date) > @max_age_days

  defp schedule, do: Process.send_after(self(), :check, @interval)
end
